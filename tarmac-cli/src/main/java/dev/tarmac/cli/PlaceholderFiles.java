package dev.tarmac.cli;

import dev.tarmac.sdk.catalog.PlaceholderStubs;
import dev.tarmac.sdk.catalog.ValidationProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Checks that {@code $text}, {@code $json} and {@code $yaml} placeholders with a relative path name
 * a file that exists beside the catalog file; URLs are not fetched.
 */
final class PlaceholderFiles {

  private PlaceholderFiles() {}

  static List<ValidationProblem> missing(Path catalogFile, JsonNode entity) {
    List<ValidationProblem> out = new ArrayList<>();
    Path folder = catalogFile.toAbsolutePath().getParent();
    for (PlaceholderStubs.Placeholder p : PlaceholderStubs.find(entity)) {
      if (p.target().contains("://")) {
        continue;
      }
      if (!Files.isRegularFile(folder.resolve(p.target()).normalize())) {
        out.add(
            new ValidationProblem(
                p.field(),
                "placeholder " + p.kind() + " points at " + p.target() + ", which does not exist"));
      }
    }
    return out;
  }
}
