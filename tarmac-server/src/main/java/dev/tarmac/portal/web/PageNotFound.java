package dev.tarmac.portal.web;

/** A portal page asked for something that does not exist; the 404 page helps find it. */
class PageNotFound extends RuntimeException {

  private final String what;
  private final String hint;

  /**
   * Creates the exception.
   *
   * @param what a sentence saying what was not found
   * @param hint the name to suggest close matches for
   */
  PageNotFound(String what, String hint) {
    super(what);
    this.what = what;
    this.hint = hint;
  }

  String what() {
    return what;
  }

  String hint() {
    return hint;
  }
}
