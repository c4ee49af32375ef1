package dev.tarmac.sdk.delivery;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** A {@link CommitGraph} read from a git repository on disk through JGit. */
public final class GitCommitGraph implements CommitGraph, AutoCloseable {

  private final Repository repository;

  /** Opens the repository at this folder (a work tree or a bare repository). */
  public GitCommitGraph(File folder) {
    try {
      FileRepositoryBuilder builder = new FileRepositoryBuilder();
      File dotGit = new File(folder, ".git");
      repository =
          (dotGit.exists() ? builder.setGitDir(dotGit) : builder.setGitDir(folder))
              .setMustExist(true)
              .build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open git repository " + folder, e);
    }
  }

  @Override
  public List<String> parents(String sha) {
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit c = walk.parseCommit(ObjectId.fromString(sha));
      List<String> out = new ArrayList<>();
      for (RevCommit p : c.getParents()) {
        out.add(p.name());
      }
      return out;
    } catch (IOException | IllegalArgumentException e) {
      return List.of();
    }
  }

  @Override
  public List<String> range(String head, String previous) {
    try (RevWalk walk = new RevWalk(repository)) {
      walk.markStart(walk.parseCommit(repository.resolve(head)));
      if (previous != null) {
        ObjectId prev = repository.resolve(previous);
        if (prev != null) {
          walk.markUninteresting(walk.parseCommit(prev));
        }
      }
      List<String> out = new ArrayList<>();
      for (RevCommit c : walk) {
        out.add(c.name());
      }
      return out;
    } catch (IOException | NullPointerException e) {
      throw new IllegalArgumentException("cannot walk " + previous + ".." + head + ": " + e, e);
    }
  }

  /** Every commit reachable from HEAD as changes of the service (authored and committed times). */
  public List<Change> changes(String service) {
    try (RevWalk walk = new RevWalk(repository)) {
      ObjectId head = repository.resolve("HEAD");
      if (head == null) {
        return List.of();
      }
      walk.markStart(walk.parseCommit(head));
      List<Change> out = new ArrayList<>();
      for (RevCommit c : walk) {
        out.add(
            new Change(
                c.name(),
                service,
                c.getAuthorIdent().getWhenAsInstant(),
                c.getCommitterIdent().getWhenAsInstant(),
                null));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    repository.close();
  }
}
