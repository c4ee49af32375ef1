package dev.tarmac.catalog.ingest;

import dev.tarmac.shared.ReadException;

/**
 * A git location target: {@code <clone-url>[#<branch>[:<path-or-glob>]]}.
 *
 * @param repository the clone URL (https, http or file)
 * @param branch the branch, or null for the remote's default branch
 * @param path a file path or glob inside the repository
 */
public record GitTarget(String repository, String branch, String path) {

  /** The path read when a target names none. */
  public static final String DEFAULT_PATH = "catalog-info.yaml";

  /** Parses a target string. */
  public static GitTarget parse(String target) {
    if (target == null || target.isBlank()) {
      throw new ReadException("A git location needs a target: <clone-url>[#<branch>[:<path>]]");
    }
    int hash = target.indexOf('#');
    if (hash < 0) {
      return new GitTarget(target, null, DEFAULT_PATH);
    }
    String repo = target.substring(0, hash);
    String rest = target.substring(hash + 1);
    int colon = rest.indexOf(':');
    String branch = colon < 0 ? rest : rest.substring(0, colon);
    String path = colon < 0 ? DEFAULT_PATH : rest.substring(colon + 1);
    while (path.startsWith("/")) {
      path = path.substring(1);
    }
    return new GitTarget(
        repo, branch.isEmpty() ? null : branch, path.isEmpty() ? DEFAULT_PATH : path);
  }

  /** The same repository and branch with another path. */
  public GitTarget withPath(String newPath) {
    return new GitTarget(repository, branch, newPath);
  }

  @Override
  public String toString() {
    return repository + "#" + (branch == null ? "" : branch) + ":" + path;
  }
}
