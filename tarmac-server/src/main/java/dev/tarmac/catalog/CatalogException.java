package dev.tarmac.catalog;

/** A catalog request failed; {@link #name()} is Backstage's error name, which sets the status. */
public class CatalogException extends RuntimeException {

  private final String name;

  /** Creates an error with Backstage's error name (InputError, NotFoundError, ConflictError…). */
  public CatalogException(String name, String message) {
    super(message);
    this.name = name;
  }

  /** Backstage's error name. */
  public String name() {
    return name;
  }

  /** A bad request. */
  public static CatalogException input(String message) {
    return new CatalogException("InputError", message);
  }

  /** Something that does not exist. */
  public static CatalogException notFound(String message) {
    return new CatalogException("NotFoundError", message);
  }

  /** Backstage's error for an entity looked up by kind, namespace and name. */
  public static CatalogException entityNotFound(String kind, String namespace, String name) {
    return notFound(
        "No entity named '"
            + name
            + "' found, with kind '"
            + kind
            + "' in namespace '"
            + namespace
            + "'");
  }

  /** Something that already exists. */
  public static CatalogException conflict(String message) {
    return new CatalogException("ConflictError", message);
  }
}
