package dev.tarmac.sdk.scaffolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads relative URLs from a template's base: a local directory, or in-memory contents (the
 * dry-run's {@code directoryContents}). Nothing outside the base can be read.
 */
public final class LocalFileSource implements FileSource {

  private final Map<String, byte[]> contents;

  private LocalFileSource(Map<String, byte[]> contents) {
    this.contents = contents;
  }

  /** Files under a directory (the directory holding template.yaml). */
  public static LocalFileSource of(Path baseDir) {
    Map<String, byte[]> files = new TreeMap<>();
    Path base = baseDir.toAbsolutePath().normalize();
    try (Stream<Path> walk = Files.walk(base)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        files.put(base.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new ScaffolderException("template", "cannot read " + base + ": " + e.getMessage(), e);
    }
    return new LocalFileSource(files);
  }

  /** Files given in memory, by path relative to the template. */
  public static LocalFileSource of(Map<String, byte[]> files) {
    Map<String, byte[]> copy = new TreeMap<>();
    files.forEach((k, v) -> copy.put(clean(k), v));
    return new LocalFileSource(copy);
  }

  @Override
  public Map<String, byte[]> directory(String url, String where) {
    String prefix = relative(url, where);
    Map<String, byte[]> out = new TreeMap<>();
    String dir = prefix.isEmpty() ? "" : prefix + "/";
    contents.forEach(
        (path, bytes) -> {
          if (path.startsWith(dir)) {
            out.put(path.substring(dir.length()), bytes);
          }
        });
    if (out.isEmpty()) {
      throw new ScaffolderException(where, "nothing found at '" + url + "'");
    }
    return out;
  }

  @Override
  public byte[] file(String url, String where) {
    byte[] bytes = contents.get(relative(url, where));
    if (bytes == null) {
      throw new ScaffolderException(where, "no file at '" + url + "'");
    }
    return bytes;
  }

  private static String relative(String url, String where) {
    if (url.contains("://")) {
      throw new ScaffolderException(
          where, "'" + url + "' is not a relative path and no URL reader is configured");
    }
    String p = clean(url);
    if (p.equals("..") || p.startsWith("../") || url.startsWith("/")) {
      throw new ScaffolderException(where, "'" + url + "' is outside the template's location");
    }
    return p;
  }

  /** Normalises a relative path; one that climbs above the base starts with "../". */
  private static String clean(String path) {
    java.util.Deque<String> parts = new java.util.ArrayDeque<>();
    for (String seg : path.replace('\\', '/').split("/")) {
      if (seg.equals("..")) {
        if (parts.isEmpty()) {
          return "../" + path;
        }
        parts.removeLast();
      } else if (!seg.isEmpty() && !seg.equals(".")) {
        parts.addLast(seg);
      }
    }
    return String.join("/", parts);
  }
}
