package dev.tarmac.scaffolder.engine;

import dev.tarmac.sdk.scaffolder.ActionContext;
import dev.tarmac.sdk.scaffolder.ActionExample;
import dev.tarmac.sdk.scaffolder.ScaffolderException;
import dev.tarmac.sdk.scaffolder.actions.SimpleAction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * {@code publish:git}: commits the workspace and pushes it to a git remote with JGit. A
 * RepoUrlPicker value on the local git host becomes a bare repository under the data folder; any
 * other remote is pushed to over its URL, with a token for https. A repository it created is
 * removed again when the push fails, so nothing is left half-published.
 */
final class PublishGit {

  private PublishGit() {}

  static SimpleAction action(Path gitRoot, String localHost) {
    return new SimpleAction(
        "publish:git",
        "Initialises a git repository from the workspace, commits it and pushes it to a remote.",
        """
        {"type":"object","properties":{
          "repoUrl":{"type":"string","description":"RepoUrlPicker value: host?owner=o&repo=r"},
          "remoteUrl":{"type":"string","description":"An explicit clone URL (file, http, https)"},
          "defaultBranch":{"type":"string","default":"main"},
          "sourcePath":{"type":"string"},
          "gitCommitMessage":{"type":"string","default":"Initial commit"},
          "gitAuthorName":{"type":"string","default":"Tarmac"},
          "gitAuthorEmail":{"type":"string","default":"scaffolder@tarmac.dev"},
          "token":{"type":"string"}}}""",
        """
        {"type":"object","properties":{"remoteUrl":{"type":"string"},
          "repoContentsUrl":{"type":"string"},"commitHash":{"type":"string"}}}""",
        List.of(
            new ActionExample(
                "Push to the embedded git host",
                "action: publish:git\ninput:\n  repoUrl: git.tarmac.local?owner=team-a&repo=orders\n")),
        ctx -> publish(ctx, gitRoot, localHost));
  }

  private static void publish(ActionContext ctx, Path gitRoot, String localHost) throws Exception {
    String branch = ctx.string("defaultBranch", "main");
    String remote = ctx.string("remoteUrl", null);
    Path bare = null;
    if (remote == null) {
      String repoUrl = ctx.string("repoUrl", null);
      if (repoUrl == null) {
        throw new ScaffolderException(ctx.stepId(), "publish:git needs repoUrl or remoteUrl");
      }
      Map<String, String> parts = RepoUrls.parse(repoUrl, ctx.stepId());
      if (parts.get("host").equals(localHost)) {
        String owner = parts.getOrDefault("owner", "default");
        bare =
            gitRoot
                .resolve(RepoUrls.safe(owner, ctx.stepId()))
                .resolve(RepoUrls.safe(parts.get("repo"), ctx.stepId()) + ".git");
        remote = bare.toUri().toString();
      } else {
        remote =
            "https://"
                + parts.get("host")
                + "/"
                + parts.get("owner")
                + "/"
                + parts.get("repo")
                + ".git";
      }
    }
    Path source = ctx.workspace().resolve(ctx.string("sourcePath", "."), ctx.stepId());
    String contents = remote + "#" + branch;
    if (ctx.dryRun()) {
      ctx.log(
          "Dry run: would commit "
              + source.getFileName()
              + " and push branch "
              + branch
              + " to "
              + remote);
      ctx.output("remoteUrl", remote);
      ctx.output("repoContentsUrl", contents);
      ctx.output("commitHash", "0000000000000000000000000000000000000000");
      return;
    }
    boolean created = false;
    if (bare != null) {
      if (Files.exists(bare)) {
        throw new ScaffolderException(ctx.stepId(), "repository " + remote + " already exists");
      }
      Files.createDirectories(bare.getParent());
      Git.init().setBare(true).setInitialBranch(branch).setDirectory(bare.toFile()).call().close();
      created = true;
    }
    try {
      String token = ctx.string("token", null);
      String commit =
          GitPush.commitAndPush(
              ctx,
              source,
              branch,
              remote,
              token == null
                  ? null
                  : new UsernamePasswordCredentialsProvider("x-access-token", token),
              "Initial commit");
      ctx.log("Pushed " + commit + " to " + remote + " (" + branch + ")");
      ctx.output("remoteUrl", remote);
      ctx.output("repoContentsUrl", contents);
      ctx.output("commitHash", commit);
    } catch (Exception e) {
      if (created) {
        delete(bare);
      }
      if (e instanceof ScaffolderException) {
        throw e;
      }
      throw new ScaffolderException(
          ctx.stepId(), "push to " + remote + " failed: " + e.getMessage(), e);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
