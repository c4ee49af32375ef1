package dev.tarmac.catalog.ingest;

import dev.tarmac.shared.Hashes;
import dev.tarmac.shared.NotFoundReadException;
import dev.tarmac.shared.ReadException;
import dev.tarmac.shared.UrlReader;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** Reads location targets and placeholder files through file paths, URLs and git repositories. */
@Component
public class SourceReaders {

  private final UrlReader urls;
  private final GitReader git;

  /** Creates the readers. */
  public SourceReaders(UrlReader urls, GitReader git) {
    this.urls = urls;
    this.git = git;
  }

  /**
   * Reads every file a target names (a glob may name several, or none); file paths must lie in
   * {@code scope}.
   */
  public List<SourceFile> read(String type, String target, FileScope scope) {
    return switch (type) {
      case "file" -> readFiles(target, scope);
      case "url" -> {
        UrlReader.UrlContent c = urls.readCached(uri(target));
        yield List.of(new SourceFile("url", target, c.text(), etag(c.etag(), c.text())));
      }
      case "git" -> {
        checkLocalRepository(target, scope);
        yield git.read(target);
      }
      default ->
          throw new ReadException("Unknown location type '" + type + "'; use file, url or git");
    };
  }

  /**
   * A {@code file:} repository lies in the scope's folders unless it is the repository of the
   * configured git location the scope belongs to.
   */
  private static void checkLocalRepository(String target, FileScope scope) {
    String repository = GitTarget.parse(target).repository();
    Path folder = FileRoots.localRepository(repository);
    if (folder == null || sameRepository(scope.ownTarget(), repository)) {
      return;
    }
    scope.check(folder);
  }

  /** Whether the repository is the configured one, or one its discovery pattern finds. */
  private static boolean sameRepository(String ownTarget, String repository) {
    if (ownTarget == null || !ownTarget.regionMatches(true, 0, "file:", 0, 5)) {
      return false;
    }
    try {
      Path own = Path.of(URI.create(GitTarget.parse(ownTarget).repository())).normalize();
      Path repo = Path.of(URI.create(repository)).normalize();
      return own.toString().contains("*")
          ? FileSystems.getDefault().getPathMatcher("glob:" + own).matches(repo)
          : own.equals(repo);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Reads a file again whose text was not kept, under the same scope; it may have changed since, in
   * which case its fingerprint differs from the one recorded and the next refresh parses it.
   */
  public SourceFile reread(SourceFile file, FileScope scope) {
    List<SourceFile> again = read(file.type(), file.target(), scope);
    if (again.size() != 1) {
      throw new NotFoundReadException("File " + file.target() + " disappeared while being read");
    }
    return again.get(0);
  }

  /** Resolves a target relative to the location a parent was read from. */
  public String resolve(String baseType, String baseTarget, String target) {
    if (isAbsoluteUrl(target)) {
      return target;
    }
    return switch (baseType) {
      case "file" -> {
        Path base = Path.of(baseTarget).getParent();
        Path t = Path.of(target);
        yield (t.isAbsolute() || base == null ? t : base.resolve(t)).normalize().toString();
      }
      case "url" -> uri(baseTarget).resolve(target).toString();
      case "git" ->
          target.contains("://") || target.startsWith("file:")
              ? target
              : git.resolve(baseTarget, target);
      default -> target;
    };
  }

  /** The type a relative child target is read through: absolute URLs are read as urls. */
  public String childType(String baseType, String target) {
    return isAbsoluteUrl(target) && !baseType.equals("git") ? "url" : baseType;
  }

  /** Reads one file for a placeholder, relative to the entity's location key. */
  public String readText(String locationKey, String path, FileScope scope) {
    int colon = locationKey.indexOf(':');
    String type = colon < 0 ? "file" : locationKey.substring(0, colon);
    String base = colon < 0 ? locationKey : locationKey.substring(colon + 1);
    String resolved = resolve(type, base, path);
    String readType = isAbsoluteUrl(path) ? "url" : type;
    List<SourceFile> files = read(readType, resolved, scope);
    if (files.isEmpty()) {
      throw new NotFoundReadException("Not found: " + resolved);
    }
    return files.get(0).text();
  }

  private List<SourceFile> readFiles(String target, FileScope scope) {
    boolean own = scope.isOwnTarget(target);
    if (!isGlob(target)) {
      Path path = Path.of(target);
      // What gets read is the checked path with its links resolved, so a link swapped after the
      // check cannot lead outside.
      Path read = own ? path : scope.check(path);
      return List.of(readFile(path, read));
    }
    Path root = globRoot(target);
    if (!own) {
      scope.check(root);
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + target);
    List<SourceFile> out = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    // Files.walk does not follow linked folders; a linked file is checked like any other path.
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).filter(matcher::matches).sorted().toList()) {
        out.add(readFile(p, own ? p : scope.check(p)));
      }
    } catch (IOException e) {
      throw new ReadException("Could not search " + root + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static SourceFile readFile(Path path, Path read) {
    try {
      String text = Files.readString(read, StandardCharsets.UTF_8);
      return new SourceFile("file", path.toString(), text, Hashes.sha256(text));
    } catch (NoSuchFileException e) {
      throw new NotFoundReadException("File not found: " + path);
    } catch (IOException e) {
      throw new ReadException("Could not read " + path + ": " + e.getMessage(), e);
    }
  }

  /** The folder a glob is searched from: its path up to the first part with a wildcard. */
  static Path globRoot(String glob) {
    Path p = Path.of(glob);
    Path root = p.getRoot() == null ? Path.of("") : p.getRoot();
    for (Path part : p) {
      if (isGlob(part.toString())) {
        break;
      }
      root = root.resolve(part);
    }
    return root;
  }

  /** Whether a file target is a glob. */
  static boolean isGlob(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('{') >= 0 || s.indexOf('[') >= 0;
  }

  static boolean isAbsoluteUrl(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }

  private static String etag(String etag, String text) {
    return etag != null ? etag : Hashes.sha256(text);
  }

  private static URI uri(String target) {
    try {
      return new URI(target);
    } catch (URISyntaxException e) {
      throw new ReadException("Not a valid URL: " + target);
    }
  }
}
