package dev.tarmac.sdk.catalog;

/** A catalog file is not valid YAML; the message is {@code file:line: reason}. */
public class EntityYamlException extends RuntimeException {

  private final String file;
  private final int line;
  private final String reason;

  /** Creates the exception. */
  public EntityYamlException(String file, int line, String reason, Throwable cause) {
    super(file + ":" + line + ": " + reason, cause);
    this.file = file;
    this.line = line;
    this.reason = reason;
  }

  /** The file that failed to parse. */
  public String file() {
    return file;
  }

  /** The 1-based line of the error. */
  public int line() {
    return line;
  }

  /** What is wrong, without the file and line. */
  public String reason() {
    return reason;
  }
}
