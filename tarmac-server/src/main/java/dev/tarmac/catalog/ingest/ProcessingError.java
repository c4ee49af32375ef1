package dev.tarmac.catalog.ingest;

/**
 * An error found while processing an entity, kept on the entity and shown in its status.
 *
 * @param name Backstage's error name (InputError, NotFoundError, ConflictError…)
 * @param message what went wrong and where, for the person who can fix the source
 * @param level error or warning
 */
public record ProcessingError(String name, String message, String level) {

  /** An error-level problem. */
  public static ProcessingError error(String name, String message) {
    return new ProcessingError(name, message, "error");
  }

  /** A warning-level problem (the entity still processed). */
  public static ProcessingError warning(String name, String message) {
    return new ProcessingError(name, message, "warning");
  }
}
