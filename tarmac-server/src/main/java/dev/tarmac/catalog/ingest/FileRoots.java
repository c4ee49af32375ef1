package dev.tarmac.catalog.ingest;

import dev.tarmac.catalog.CatalogException;
import dev.tarmac.catalog.store.LocationRow;
import dev.tarmac.shared.ReadException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which folders {@code file} reads may touch, decided by the registered location an entity descends
 * from (its origin). Locations registered at run time (the API, the portal, the scaffolder) read
 * only inside {@code tarmac.reading.file-roots}; a location from {@code tarmac.catalog.locations}
 * reads its own target as configured and, below it, its own folder and the roots.
 */
public final class FileRoots {

  /** The setting that lists the roots. */
  public static final String SETTING = "tarmac.reading.file-roots";

  private final List<Path> roots;
  private final Map<String, String> configured;

  /**
   * Creates the rules.
   *
   * @param roots the folders run-time registrations may read
   * @param configured the keys of configured locations (trusted origins), each with its normalised
   *     target when it is a file location, or an empty string
   */
  public FileRoots(List<Path> roots, Map<String, String> configured) {
    this.roots =
        roots.stream()
            .filter(p -> p != null && !p.toString().isBlank())
            .map(p -> p.toAbsolutePath().normalize())
            .toList();
    this.configured = Map.copyOf(configured);
  }

  /** The folders run-time registrations may read. */
  public List<Path> roots() {
    return roots;
  }

  /** The scope of reads made for a run-time registration. */
  public FileScope api() {
    return new FileScope(roots, null, SETTING);
  }

  /** The scope of reads made under the registered location with this key. */
  public FileScope forOrigin(String originKey) {
    String target = originKey == null ? null : configured.get(originKey);
    if (target == null) {
      return api();
    }
    if (target.isEmpty()) {
      // A configured url or git location: a git one reads its own repository as configured.
      String own = originKey.startsWith("git:") ? originKey.substring(4) : null;
      return new FileScope(roots, own, SETTING + " (configured location " + originKey + ")");
    }
    Path path = Path.of(target);
    Path folder = SourceReaders.isGlob(target) ? SourceReaders.globRoot(target) : path.getParent();
    List<Path> folders = new ArrayList<>(roots);
    if (folder != null) {
      folders.add(folder);
    }
    return new FileScope(
        folders,
        target,
        "the folder of the configured location " + originKey + " (" + folder + ") and " + SETTING);
  }

  /**
   * The folder of a {@code file:} git repository (for a discovery pattern with {@code *}, the
   * folder holding the repositories), or null for a remote one.
   */
  static Path localRepository(String repository) {
    if (!repository.regionMatches(true, 0, "file:", 0, 5)) {
      return null;
    }
    Path path;
    try {
      path = Path.of(java.net.URI.create(repository.replace("*", "_")));
    } catch (IllegalArgumentException e) {
      throw new ReadException("Invalid git repository URL " + repository);
    }
    return repository.contains("*") ? path.getParent() : path;
  }

  /**
   * Refuses, as an InputError naming the setting, a run-time registration of a file path or glob,
   * or of a git repository given as a {@code file:} URL, outside the roots; other locations pass.
   */
  public void checkRegistration(LocationRow row) {
    String target = row.target();
    Path path;
    if (row.type().equals("file")) {
      path = SourceReaders.isGlob(target) ? SourceReaders.globRoot(target) : Path.of(target);
    } else if (row.type().equals("git")) {
      path = localRepository(GitTarget.parse(target).repository());
      if (path == null) {
        return; // a remote repository: tarmac.reading.allow decides
      }
    } else {
      return;
    }
    try {
      api().check(path);
    } catch (FileOutsideRootsException e) {
      throw CatalogException.input(
          "Location "
              + row.type()
              + ":"
              + target
              + " is outside the folders that locations registered at run time may read; add its"
              + " folder to "
              + SETTING
              + " (or list the location in tarmac.catalog.locations) to read it");
    }
  }
}
