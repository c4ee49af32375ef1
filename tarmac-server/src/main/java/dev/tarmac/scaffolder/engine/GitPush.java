package dev.tarmac.scaffolder.engine;

import dev.tarmac.sdk.scaffolder.ActionContext;
import dev.tarmac.sdk.scaffolder.ScaffolderException;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.URIish;

/** Commits a folder of the workspace as one commit and pushes it as a branch with JGit. */
final class GitPush {

  private GitPush() {}

  /**
   * Initialises {@code source} as a repository, commits everything in it with the step's {@code
   * gitCommitMessage}, {@code gitAuthorName} and {@code gitAuthorEmail} (or the defaults), and
   * pushes {@code branch} to {@code remote}.
   *
   * @return the commit's hash
   * @throws ScaffolderException naming the ref and status when the remote refuses the push
   */
  static String commitAndPush(
      ActionContext ctx,
      Path source,
      String branch,
      String remote,
      CredentialsProvider credentials,
      String defaultMessage)
      throws Exception {
    try (Git git = Git.init().setInitialBranch(branch).setDirectory(source.toFile()).call()) {
      git.add().addFilepattern(".").call();
      PersonIdent who =
          new PersonIdent(
              ctx.string("gitAuthorName", "Tarmac"),
              ctx.string("gitAuthorEmail", "scaffolder@tarmac.dev"));
      RevCommit commit =
          git.commit()
              .setMessage(ctx.string("gitCommitMessage", defaultMessage))
              .setAuthor(who)
              .setCommitter(who)
              .setSign(false)
              .call();
      git.remoteAdd().setName("origin").setUri(new URIish(remote)).call();
      var push = git.push().setRemote("origin").add(branch);
      if (credentials != null) {
        push.setCredentialsProvider(credentials);
      }
      for (PushResult result : push.call()) {
        for (RemoteRefUpdate update : result.getRemoteUpdates()) {
          if (update.getStatus() != RemoteRefUpdate.Status.OK
              && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
            throw new ScaffolderException(
                ctx.stepId(),
                "the remote refused the push of "
                    + update.getRemoteName()
                    + ": "
                    + update.getStatus()
                    + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")"));
          }
        }
      }
      return commit.getName();
    }
  }
}
