package dev.tarmac.sdk.delivery;

/** A delivery event that cannot be accepted; names the field at fault. */
public class DeliveryEventException extends RuntimeException {

  private final String field;

  /** Creates the exception. */
  public DeliveryEventException(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
  }

  /** The field at fault, for example {@code [2].resolvedAt}. */
  public String field() {
    return field;
  }
}
