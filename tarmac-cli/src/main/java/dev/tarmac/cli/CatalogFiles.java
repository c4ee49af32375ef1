package dev.tarmac.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The catalog files under the paths given on the command line. */
final class CatalogFiles {

  private CatalogFiles() {}

  /**
   * A file as given, or every {@code *.yaml} and {@code *.yml} file under a folder, sorted.
   *
   * @throws IOException when a folder cannot be walked
   */
  static List<Path> under(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> walk = Files.walk(path)) {
      return walk.filter(Files::isRegularFile).filter(CatalogFiles::isYaml).sorted().toList();
    }
  }

  /** Whether documents without a kind are still meant to be entities, by the file's name. */
  static boolean isCatalogInfo(Path file) {
    String name = file.getFileName().toString();
    return name.equals("catalog-info.yaml") || name.equals("catalog-info.yml");
  }

  private static boolean isYaml(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  /** Keeps the order of the paths given, each file once. */
  static List<Path> distinct(List<Path> files) {
    Set<Path> seen = new HashSet<>();
    List<Path> out = new ArrayList<>();
    for (Path f : files) {
      if (seen.add(f.toAbsolutePath().normalize())) {
        out.add(f);
      }
    }
    return out;
  }
}
