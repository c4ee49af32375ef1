package dev.tarmac.catalog.ingest;

import dev.tarmac.shared.Hashes;
import dev.tarmac.shared.NotFoundReadException;
import dev.tarmac.shared.ReadException;
import dev.tarmac.shared.TarmacSettings;
import dev.tarmac.shared.UrlReader;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.springframework.stereotype.Component;

/**
 * Reads catalog files from git repositories with JGit: a bare mirror per repository under the data
 * folder, fetched at most every few seconds, files read straight from the branch's tree.
 */
@Component
public class GitReader {

  private static final long FETCH_EVERY_MILLIS = 5_000;
  private final Path root;
  private final UrlReader urls;
  private final Map<String, Long> lastFetch = new ConcurrentHashMap<>();

  /** Creates the reader keeping mirrors under {@code <data-dir>/git}. */
  public GitReader(TarmacSettings settings, UrlReader urls) {
    this.root = settings.dataDir().resolve("git-mirrors");
    this.urls = urls;
  }

  /** Reads the files a git target names; a {@code *} in a file:// repository path discovers. */
  public List<SourceFile> read(String target) {
    GitTarget t = GitTarget.parse(target);
    List<SourceFile> out = new ArrayList<>();
    for (String repo : expandRepositories(t.repository())) {
      out.addAll(readRepository(new GitTarget(repo, t.branch(), t.path())));
    }
    return out;
  }

  /** Resolves a relative path against a git target's file. */
  public String resolve(String baseTarget, String relative) {
    GitTarget base = GitTarget.parse(baseTarget);
    Path dir = Path.of("/" + base.path()).getParent();
    String resolved =
        (relative.startsWith("/") ? Path.of(relative) : dir.resolve(relative))
            .normalize()
            .toString();
    return base.withPath(resolved.substring(1)).toString();
  }

  private List<String> expandRepositories(String repository) {
    if (!repository.contains("*")) {
      return List.of(repository);
    }
    if (!repository.startsWith("file:")) {
      throw new ReadException(
          "Discovery with '*' works on file:// repository folders only: " + repository);
    }
    Path pattern = Path.of(URI.create(repository));
    Path parent = pattern.getParent();
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    try (Stream<Path> list = Files.list(parent)) {
      return list.filter(matcher::matches)
          .filter(Files::isDirectory)
          .sorted()
          .map(p -> p.toUri().toString().replaceAll("/$", ""))
          .toList();
    } catch (IOException e) {
      throw new ReadException("Could not list repositories in " + parent + ": " + e.getMessage());
    }
  }

  private List<SourceFile> readRepository(GitTarget t) {
    checkAllowed(t.repository());
    Path mirror = root.resolve(Hashes.sha1(t.repository()).substring(0, 16) + ".git");
    synchronized (this) {
      try (Git git = openMirror(mirror, t.repository())) {
        Repository repo = git.getRepository();
        String ref = t.branch() == null ? "HEAD" : "refs/heads/" + t.branch();
        ObjectId head = repo.resolve(ref);
        if (head == null) {
          throw new NotFoundReadException(
              "Branch "
                  + (t.branch() == null ? "HEAD" : t.branch())
                  + " not found in "
                  + t.repository());
        }
        return readTree(repo, head, t);
      } catch (IOException | GitAPIException e) {
        throw new ReadException(
            "Could not read git repository " + t.repository() + ": " + e.getMessage(), e);
      }
    }
  }

  private Git openMirror(Path mirror, String repository) throws IOException, GitAPIException {
    Git git;
    if (!Files.exists(mirror)) {
      Files.createDirectories(mirror.getParent());
      git = Git.init().setBare(true).setDirectory(mirror.toFile()).call();
      var config = git.getRepository().getConfig();
      config.setString("remote", "origin", "url", repository);
      config.save();
    } else {
      git = Git.open(mirror.toFile());
    }
    Long last = lastFetch.get(repository);
    long now = System.currentTimeMillis();
    if (last == null || now - last > FETCH_EVERY_MILLIS) {
      git.fetch()
          .setRemote("origin")
          .setRefSpecs(new RefSpec("+refs/heads/*:refs/heads/*"))
          .setRemoveDeletedRefs(true)
          .call();
      var remoteHead = git.lsRemote().setRemote("origin").callAsMap().get("HEAD");
      if (remoteHead != null && remoteHead.isSymbolic()) {
        var update = git.getRepository().updateRef("HEAD");
        update.link(remoteHead.getTarget().getName());
      }
      lastFetch.put(repository, now);
    }
    return git;
  }

  private List<SourceFile> readTree(Repository repo, ObjectId head, GitTarget t)
      throws IOException {
    List<SourceFile> out = new ArrayList<>();
    boolean glob = t.path().indexOf('*') >= 0 || t.path().indexOf('{') >= 0;
    PathMatcher matcher = glob ? FileSystems.getDefault().getPathMatcher("glob:" + t.path()) : null;
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit commit = walk.parseCommit(head);
      if (!glob) {
        try (TreeWalk tw = TreeWalk.forPath(repo, t.path(), commit.getTree())) {
          if (tw == null) {
            throw new NotFoundReadException(t.path() + " not found in " + t.repository());
          }
          out.add(file(repo, tw, t, commit));
        }
        return out;
      }
      try (TreeWalk tw = new TreeWalk(repo)) {
        tw.addTree(commit.getTree());
        tw.setRecursive(true);
        while (tw.next()) {
          if (matcher.matches(Path.of(tw.getPathString()))) {
            out.add(file(repo, tw, t.withPath(tw.getPathString()), commit));
          }
        }
      }
    }
    return out;
  }

  private static SourceFile file(Repository repo, TreeWalk tw, GitTarget t, RevCommit commit)
      throws IOException {
    byte[] bytes = repo.open(tw.getObjectId(0)).getBytes();
    String branch = t.branch() == null ? "" : t.branch();
    String target = t.repository() + "#" + branch + ":" + tw.getPathString();
    return new SourceFile(
        "git",
        target,
        new String(bytes, StandardCharsets.UTF_8),
        commit.getName() + ":" + tw.getObjectId(0).getName());
  }

  private void checkAllowed(String repository) {
    String lower = repository.toLowerCase(Locale.ROOT);
    if (lower.startsWith("file:")) {
      if (!new File(URI.create(repository)).exists()) {
        throw new NotFoundReadException("Repository not found: " + repository);
      }
      return;
    }
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      if (!urls.allowed(URI.create(repository))) {
        throw new ReadException(
            "Reading from host '"
                + URI.create(repository).getHost()
                + "' is not allowed; add it to tarmac.reading.allow to read "
                + repository);
      }
      return;
    }
    throw new ReadException(
        "Unsupported git repository URL " + repository + "; use https://, http:// or file://");
  }
}
