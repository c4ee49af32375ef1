package dev.tarmac.scaffolder.engine;

import dev.tarmac.sdk.scaffolder.FileSource;
import dev.tarmac.sdk.scaffolder.LocalFileSource;
import dev.tarmac.sdk.scaffolder.ScaffolderException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Where a catalog template's relative {@code fetch:*} URLs read: the folder its file is in. */
public final class TemplateSources {

  private TemplateSources() {}

  /** The template's folder for a {@code file:} location; null for other locations. */
  public static String baseDir(JsonNode entity) {
    String location =
        entity
            .path("metadata")
            .path("annotations")
            .path("backstage.io/managed-by-location")
            .asString("");
    if (location.startsWith("file:")) {
      Path file = Path.of(location.substring("file:".length())).toAbsolutePath().normalize();
      return file.getParent().toString();
    }
    return null;
  }

  /** A file source for a stored base folder (null: the template can only use absolute URLs). */
  public static FileSource of(String baseDir) {
    if (baseDir == null) {
      return LocalFileSource.of(Map.of());
    }
    Path dir = Path.of(baseDir);
    if (!Files.isDirectory(dir)) {
      throw new ScaffolderException("template", "the template's folder " + baseDir + " is gone");
    }
    return LocalFileSource.of(dir);
  }
}
