package dev.tarmac.scaffolder.engine;

import dev.tarmac.sdk.scaffolder.ActionContext;
import dev.tarmac.sdk.scaffolder.ActionExample;
import dev.tarmac.sdk.scaffolder.ScaffolderException;
import dev.tarmac.sdk.scaffolder.actions.SimpleAction;
import dev.tarmac.shared.IntegrationsSettings;
import dev.tarmac.shared.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code publish:github}: creates the repository through GitHub's REST API (for the token's user or
 * an organisation), then commits the workspace and pushes it over https as {@code x-access-token};
 * a repository it created is deleted again when the push fails.
 */
final class PublishGithub {

  static final String ID = "publish:github";
  private static final String SETTINGS = "tarmac.integrations.github";
  private static final Set<String> SUPPORTED =
      Set.of(
          "repoUrl",
          "description",
          "homepage",
          "defaultBranch",
          "repoVisibility",
          "sourcePath",
          "gitCommitMessage",
          "gitAuthorName",
          "gitAuthorEmail",
          "token");

  private PublishGithub() {}

  static SimpleAction action(IntegrationsSettings settings) {
    return new SimpleAction(
        ID,
        "Creates a GitHub repository through the REST API and pushes the workspace to it.",
        """
        {"type":"object","required":["repoUrl"],"properties":{
          "repoUrl":{"type":"string","description":"RepoUrlPicker value: host?owner=o&repo=r; the host must be in tarmac.integrations.github"},
          "description":{"type":"string","description":"Repository description"},
          "homepage":{"type":"string","description":"Repository homepage URL"},
          "defaultBranch":{"type":"string","default":"master","description":"Branch to push"},
          "repoVisibility":{"type":"string","enum":["private","internal","public"],"default":"private"},
          "sourcePath":{"type":"string","description":"Workspace folder to publish (default: all of it)"},
          "gitCommitMessage":{"type":"string","default":"initial commit"},
          "gitAuthorName":{"type":"string","default":"Tarmac"},
          "gitAuthorEmail":{"type":"string","default":"scaffolder@tarmac.dev"},
          "token":{"type":"string","description":"Token to use instead of the configured one"}}}""",
        """
        {"type":"object","properties":{
          "remoteUrl":{"type":"string","description":"The repository's clone URL"},
          "repoContentsUrl":{"type":"string","description":"URL of the pushed branch's files"},
          "commitHash":{"type":"string","description":"The pushed commit"}}}""",
        List.of(
            new ActionExample(
                "Create a private repository and push the workspace",
                """
                action: publish:github
                input:
                  repoUrl: github.com?owner=acme&repo=orders
                  description: Orders service
                  repoVisibility: private
                  defaultBranch: main
                """),
            new ActionExample(
                "Publish one folder of the workspace with a custom commit",
                """
                action: publish:github
                input:
                  repoUrl: ${{ parameters.repoUrl }}
                  sourcePath: ./service
                  gitCommitMessage: Create ${{ parameters.name }}
                """)),
        ctx -> publish(ctx, settings));
  }

  private static void publish(ActionContext ctx, IntegrationsSettings settings) throws Exception {
    HostedPublish.Target t = HostedPublish.target(ctx, ID, SETTINGS, settings.github(), SUPPORTED);
    String api =
        HostApi.apiBase(
            t.integration(),
            "github.com".equalsIgnoreCase(t.host())
                ? "https://api.github.com"
                : "https://" + t.host() + "/api/v3");
    String visibility = ctx.string("repoVisibility", "private");
    if (ctx.dryRun()) {
      ctx.log(
          "Dry run: would create the "
              + visibility
              + " GitHub repository "
              + t.path()
              + " through "
              + api
              + ", commit "
              + t.source().getFileName()
              + " and push branch "
              + t.branch()
              + " to it");
      ctx.output("remoteUrl", "https://" + t.host() + "/" + t.path() + ".git");
      ctx.output("repoContentsUrl", "https://" + t.host() + "/" + t.path() + "/blob/" + t.branch());
      ctx.output("commitHash", "0000000000000000000000000000000000000000");
      return;
    }
    HostApi github =
        new HostApi(
            api,
            t.token(),
            settings.timeout(),
            ctx.stepId(),
            "Accept",
            "application/vnd.github+json",
            "X-GitHub-Api-Version",
            "2022-11-28");
    String createPath = createPath(ctx, github, t);
    ObjectNode body = Json.object().put("name", t.repo());
    body.put("private", !"public".equals(visibility));
    if (createPath.startsWith("/orgs/")) {
      body.put("visibility", visibility);
    }
    putIfSet(ctx, body, "description");
    putIfSet(ctx, body, "homepage");
    HostApi.Reply created = github.post(createPath, body);
    if (!created.ok()) {
      throw new ScaffolderException(
          ctx.stepId(),
          "GitHub refused to create "
              + t.path()
              + ": "
              + created.message()
              + " (HTTP "
              + created.status()
              + ")");
    }
    String cloneUrl = created.body().path("clone_url").asString("");
    String htmlUrl = created.body().path("html_url").asString("");
    ctx.log("Created the " + visibility + " GitHub repository " + t.path() + " (" + htmlUrl + ")");
    String commit =
        HostedPublish.pushOrDelete(
            ctx, t, cloneUrl, api, "x-access-token", () -> delete(github, t));
    ctx.log("Pushed " + commit + " to " + cloneUrl + " (" + t.branch() + ")");
    ctx.output("remoteUrl", cloneUrl);
    ctx.output("repoContentsUrl", htmlUrl + "/blob/" + t.branch());
    ctx.output("commitHash", commit);
  }

  /**
   * {@code /orgs/{org}/repos} for an organisation, {@code /user/repos} when the owner is the
   * token's user; GitHub creates user repositories only for the authenticated user.
   */
  private static String createPath(ActionContext ctx, HostApi github, HostedPublish.Target t)
      throws InterruptedException {
    HostApi.Reply owner = github.get("/users/" + encode(t.owner()));
    if (owner.status() == 404) {
      throw new ScaffolderException(
          ctx.stepId(), "GitHub has no user or organisation '" + t.owner() + "'");
    }
    if (!owner.ok()) {
      throw new ScaffolderException(
          ctx.stepId(),
          "GitHub could not look up owner '"
              + t.owner()
              + "': "
              + owner.message()
              + " (HTTP "
              + owner.status()
              + ")");
    }
    if ("Organization".equals(owner.body().path("type").asString(""))) {
      return "/orgs/" + encode(t.owner()) + "/repos";
    }
    HostApi.Reply me = github.get("/user");
    String login = me.body().path("login").asString("");
    if (!me.ok() || !login.equalsIgnoreCase(t.owner())) {
      throw new ScaffolderException(
          ctx.stepId(),
          "'"
              + t.owner()
              + "' is a GitHub user other than the token's ("
              + (me.ok() ? login : "HTTP " + me.status() + ": " + me.message())
              + "); GitHub creates user repositories only for the authenticated user");
    }
    return "/user/repos";
  }

  private static String delete(HostApi github, HostedPublish.Target t) throws InterruptedException {
    HostApi.Reply reply = github.delete("/repos/" + encode(t.owner()) + "/" + encode(t.repo()));
    return reply.ok() ? null : "HTTP " + reply.status() + ": " + reply.message();
  }

  private static void putIfSet(ActionContext ctx, ObjectNode body, String name) {
    JsonNode v = ctx.input().get(name);
    if (v != null && v.isString()) {
      body.put(name, v.asString());
    }
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
