package dev.tarmac.sdk.catalog;

/** A catalog file is not valid YAML; the message names the file and the line. */
public class EntityYamlException extends RuntimeException {

  private final String file;
  private final int line;

  /** Creates the exception. */
  public EntityYamlException(String file, int line, String message, Throwable cause) {
    super(file + ":" + line + ": " + message, cause);
    this.file = file;
    this.line = line;
  }

  /** The file that failed to parse. */
  public String file() {
    return file;
  }

  /** The 1-based line of the error. */
  public int line() {
    return line;
  }
}
