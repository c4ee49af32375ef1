package dev.tarmac.scaffolder.engine;

import dev.tarmac.sdk.scaffolder.ActionContext;
import dev.tarmac.sdk.scaffolder.ScaffolderException;
import dev.tarmac.shared.IntegrationsSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import tools.jackson.databind.JsonNode;

/**
 * What {@code publish:github} and {@code publish:gitlab} share: finding the configured host and the
 * token, and a push that deletes the repository just created when it fails.
 */
final class HostedPublish {

  /**
   * Where to publish.
   *
   * @param host the host as the repoUrl names it
   * @param owner the owner (GitHub user or organisation; GitLab namespace path)
   * @param repo the repository name
   * @param integration the host's settings
   * @param token the token: the step's {@code token} input, else the host's
   * @param branch the branch to push
   * @param source the workspace folder to commit
   */
  record Target(
      String host,
      String owner,
      String repo,
      IntegrationsSettings.Host integration,
      String token,
      String branch,
      Path source) {

    /** {@code owner/repo}. */
    String path() {
      return owner + "/" + repo;
    }
  }

  /** Deletes the repository created for a failed push; returns null or what went wrong. */
  @FunctionalInterface
  interface Rollback {
    String delete() throws InterruptedException;
  }

  private HostedPublish() {}

  /**
   * Reads the step's repoUrl, finds its host among {@code configured} and the token, and logs the
   * Backstage inputs this action accepts but does not apply.
   */
  static Target target(
      ActionContext ctx,
      String action,
      String settingsKey,
      List<IntegrationsSettings.Host> configured,
      Set<String> supported) {
    Map<String, String> parts = RepoUrls.parse(ctx.string("repoUrl", ""), ctx.stepId());
    String host = parts.get("host");
    String owner = parts.get("owner");
    if (owner == null || owner.isBlank()) {
      throw new ScaffolderException(
          ctx.stepId(), "repoUrl '" + ctx.string("repoUrl", "") + "' names no owner");
    }
    Optional<IntegrationsSettings.Host> integration =
        configured.stream().filter(h -> host.equalsIgnoreCase(h.host())).findFirst();
    if (integration.isEmpty()) {
      List<String> names = configured.stream().map(IntegrationsSettings.Host::host).toList();
      throw new ScaffolderException(
          ctx.stepId(),
          "host '"
              + host
              + "' is not configured for "
              + action
              + " (add it to "
              + settingsKey
              + (names.isEmpty() ? "; none is configured" : "; configured: " + names)
              + ")");
    }
    String token = ctx.string("token", integration.get().token());
    if (token == null || token.isBlank()) {
      throw new ScaffolderException(
          ctx.stepId(),
          "no token for "
              + host
              + ": set "
              + settingsKey
              + "[].token or give the step a token input");
    }
    List<String> ignored = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : ctx.input().properties()) {
      if (!supported.contains(e.getKey())) {
        ignored.add(e.getKey());
      }
    }
    if (!ignored.isEmpty()) {
      ctx.log(
          "Ignoring input "
              + String.join(", ", ignored)
              + ": Tarmac's "
              + action
              + " does not apply it");
    }
    return new Target(
        host,
        owner,
        RepoUrls.safe(parts.get("repo"), ctx.stepId()),
        integration.get(),
        token,
        ctx.string("defaultBranch", "master"),
        ctx.workspace().resolve(ctx.string("sourcePath", "."), ctx.stepId()));
  }

  /**
   * Commits and pushes the source to the created repository's clone URL (only on the configured
   * host or its API's host, since the token goes with it); when that fails, deletes the repository
   * again so nothing is half-published, and fails the step naming the cause.
   *
   * @return the commit hash
   */
  static String pushOrDelete(
      ActionContext ctx,
      Target target,
      String cloneUrl,
      String api,
      String gitUser,
      Rollback rollback)
      throws Exception {
    try {
      HostApi.checkCloneUrl(cloneUrl, target.integration(), api, ctx.stepId());
      return GitPush.commitAndPush(
          ctx,
          target.source(),
          target.branch(),
          cloneUrl,
          new UsernamePasswordCredentialsProvider(gitUser, target.token()),
          "initial commit");
    } catch (Exception e) {
      String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      String problem;
      try {
        problem = rollback.delete();
      } catch (RuntimeException deleteFailure) {
        problem = deleteFailure.getMessage();
      }
      String outcome =
          problem == null
              ? "; the repository " + target.path() + " created for it was deleted again"
              : "; deleting the repository "
                  + target.path()
                  + " created for it failed too ("
                  + problem
                  + "): delete it by hand";
      ctx.log("Push to " + cloneUrl + " failed" + outcome);
      throw new ScaffolderException(
          ctx.stepId(), "push to " + cloneUrl + " failed: " + cause + outcome, e);
    }
  }
}
