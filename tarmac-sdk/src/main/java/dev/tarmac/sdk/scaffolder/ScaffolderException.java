package dev.tarmac.sdk.scaffolder;

/** A template, expression, parameter or action failure, naming the step or field at fault. */
public class ScaffolderException extends RuntimeException {

  private final String where;

  /** A failure at {@code where} (a step id, a parameter name or a template field). */
  public ScaffolderException(String where, String message) {
    super(message);
    this.where = where;
  }

  /** A failure with a cause. */
  public ScaffolderException(String where, String message, Throwable cause) {
    super(message, cause);
    this.where = where;
  }

  /** The step id, parameter name or field at fault; may be null. */
  public String where() {
    return where;
  }
}
