package dev.tarmac.shared;

/** The source does not exist (a missing file, an HTTP 404, a path absent from a repository). */
public class NotFoundReadException extends ReadException {

  /** Creates the exception with a message naming the missing source. */
  public NotFoundReadException(String message) {
    super(message);
  }
}
