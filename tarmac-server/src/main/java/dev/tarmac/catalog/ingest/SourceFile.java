package dev.tarmac.catalog.ingest;

/**
 * A file read from a location.
 *
 * @param type location type it was read through (file, url, git)
 * @param target the resolved target of this one file
 * @param text its content, or null when it was not kept
 * @param etag a fingerprint of the content (hash, ETag or commit)
 */
public record SourceFile(String type, String target, String text, String etag) {

  /** The same file without its text (to be read again when needed). */
  public SourceFile withoutText() {
    return new SourceFile(type, target, null, etag);
  }

  /** The {@code type:target} key the entity annotations carry. */
  public String key() {
    return type + ":" + target;
  }
}
