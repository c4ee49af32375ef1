package dev.tarmac.sdk.scaffolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A task's working directory; every path an action writes is resolved inside it or refused. */
public record Workspace(Path root) {

  /** Normalises the root. */
  public Workspace {
    root = root.toAbsolutePath().normalize();
  }

  /**
   * Resolves a relative path inside the workspace; absolute paths and paths that climb out with
   * {@code ../} are a {@link ScaffolderException}.
   */
  public Path resolve(String relative, String where) {
    String p = relative == null || relative.isBlank() ? "." : relative;
    if (p.startsWith("/") || p.startsWith("\\") || p.matches("^[A-Za-z]:.*")) {
      throw new ScaffolderException(
          where, "path '" + p + "' is absolute; only paths inside the workspace are allowed");
    }
    Path resolved = root.resolve(p).normalize();
    if (!resolved.startsWith(root)) {
      throw new ScaffolderException(
          where, "path '" + p + "' escapes the workspace; only paths inside it are allowed");
    }
    return resolved;
  }

  /** Every regular file, by workspace-relative path with '/' separators, sorted. */
  public Map<String, byte[]> files() {
    Map<String, byte[]> out = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        if (!rel.startsWith(".git/")) {
          out.put(rel, Files.readAllBytes(p));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
