package dev.tarmac.catalog.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The local folders one read may touch. A path is checked after normalising {@code ..} and
 * resolving the symbolic links of its existing part, so neither leads outside; the checked path,
 * links resolved, is what gets read.
 *
 * @param folders the allowed folders
 * @param ownTarget a configured location's own target (a path or a glob), read as configured, or
 *     null
 * @param what names the allowed folders in messages
 */
public record FileScope(List<Path> folders, String ownTarget, String what) {

  /** Whether {@code target} is the configured location's own target, which is read unchecked. */
  public boolean isOwnTarget(String target) {
    return ownTarget != null && ownTarget.equals(target);
  }

  /**
   * The path to read for {@code path}, links resolved.
   *
   * @throws FileOutsideRootsException when it lies outside every allowed folder
   */
  public Path check(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path real = real(absolute);
    if (real != null) {
      for (Path folder : folders) {
        Path realFolder = real(folder.toAbsolutePath().normalize());
        if (realFolder != null && real.startsWith(realFolder)) {
          return real;
        }
      }
    }
    throw new FileOutsideRootsException(absolute + " is outside " + what);
  }

  /**
   * The path with the symbolic links of its existing part resolved and the rest appended, or null
   * when that part cannot be resolved (a dangling link).
   */
  static Path real(Path absolute) {
    Path existing = absolute;
    Deque<Path> rest = new ArrayDeque<>();
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      if (existing.getFileName() != null) {
        rest.push(existing.getFileName());
      }
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    try {
      Path resolved = existing.toRealPath();
      while (!rest.isEmpty()) {
        resolved = resolved.resolve(rest.pop());
      }
      return resolved;
    } catch (IOException e) {
      return null;
    }
  }
}
