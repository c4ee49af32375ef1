package dev.tarmac.shared;

/** A source (file, URL or git repository) could not be read; the message says which and why. */
public class ReadException extends RuntimeException {

  /** Creates the exception with a message for the person who can fix the source. */
  public ReadException(String message) {
    super(message);
  }

  /** Creates the exception with a message and its cause. */
  public ReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
