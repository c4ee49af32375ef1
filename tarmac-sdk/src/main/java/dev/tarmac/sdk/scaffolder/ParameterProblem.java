package dev.tarmac.sdk.scaffolder;

/**
 * A parameter that fails its schema.
 *
 * @param parameter the parameter's dotted path (e.g. {@code repoUrl} or {@code db.size})
 * @param message what is wrong, Ajv-style
 */
public record ParameterProblem(String parameter, String message) {

  @Override
  public String toString() {
    return parameter + ": " + message;
  }
}
