package dev.tarmac.metrics;

/** A delivery request Tarmac refuses; carries the HTTP status and the field at fault. */
public class DeliveryException extends RuntimeException {

  private final int status;
  private final String field;

  /** Creates the exception. */
  public DeliveryException(int status, String field, String message) {
    super(message);
    this.status = status;
    this.field = field;
  }

  /** A 400 naming the field. */
  public static DeliveryException badInput(String field, String reason) {
    return new DeliveryException(400, field, field + ": " + reason);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The field at fault, may be null. */
  public String field() {
    return field;
  }
}
