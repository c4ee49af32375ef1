package dev.tarmac.scaffolder;

/** A scaffolder request that cannot be served, with its HTTP status. */
public class ScaffolderException extends RuntimeException {

  private final int status;

  /** An error with an HTTP status. */
  public ScaffolderException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** 400: bad input. */
  public static ScaffolderException input(String message) {
    return new ScaffolderException(400, message);
  }

  /** 404: not found. */
  public static ScaffolderException notFound(String message) {
    return new ScaffolderException(404, message);
  }

  /** 409: not possible in the current state. */
  public static ScaffolderException conflict(String message) {
    return new ScaffolderException(409, message);
  }
}
