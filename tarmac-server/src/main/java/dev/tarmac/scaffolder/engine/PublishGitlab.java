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
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code publish:gitlab}: resolves the owner's namespace and creates the project through GitLab's
 * REST API, then commits the workspace and pushes it over https as {@code oauth2}; a project it
 * created is deleted again when the push fails.
 */
final class PublishGitlab {

  static final String ID = "publish:gitlab";
  private static final String SETTINGS = "tarmac.integrations.gitlab";
  private static final Set<String> SUPPORTED =
      Set.of(
          "repoUrl",
          "description",
          "defaultBranch",
          "repoVisibility",
          "sourcePath",
          "gitCommitMessage",
          "gitAuthorName",
          "gitAuthorEmail",
          "token");

  private PublishGitlab() {}

  static SimpleAction action(IntegrationsSettings settings) {
    return new SimpleAction(
        ID,
        "Creates a GitLab project through the REST API and pushes the workspace to it.",
        """
        {"type":"object","required":["repoUrl"],"properties":{
          "repoUrl":{"type":"string","description":"RepoUrlPicker value: host?owner=group/subgroup&repo=r; the host must be in tarmac.integrations.gitlab"},
          "description":{"type":"string","description":"Project description"},
          "defaultBranch":{"type":"string","default":"master","description":"Branch to push"},
          "repoVisibility":{"type":"string","enum":["private","internal","public"],"default":"private"},
          "sourcePath":{"type":"string","description":"Workspace folder to publish (default: all of it)"},
          "gitCommitMessage":{"type":"string","default":"initial commit"},
          "gitAuthorName":{"type":"string","default":"Tarmac"},
          "gitAuthorEmail":{"type":"string","default":"scaffolder@tarmac.dev"},
          "token":{"type":"string","description":"Token to use instead of the configured one"}}}""",
        """
        {"type":"object","properties":{
          "remoteUrl":{"type":"string","description":"The project's URL"},
          "repoContentsUrl":{"type":"string","description":"URL of the pushed branch's files"},
          "commitHash":{"type":"string","description":"The pushed commit"},
          "projectId":{"type":"integer","description":"GitLab's id of the created project"}}}""",
        List.of(
            new ActionExample(
                "Create a private project in a subgroup and push the workspace",
                """
                action: publish:gitlab
                input:
                  repoUrl: gitlab.com?owner=acme/payments&repo=ledger
                  repoVisibility: private
                  defaultBranch: main
                """),
            new ActionExample(
                "Publish with the token from a Secret field",
                """
                action: publish:gitlab
                input:
                  repoUrl: ${{ parameters.repoUrl }}
                  token: ${{ secrets.gitlabToken }}
                """)),
        ctx -> publish(ctx, settings));
  }

  private static void publish(ActionContext ctx, IntegrationsSettings settings) throws Exception {
    HostedPublish.Target t = HostedPublish.target(ctx, ID, SETTINGS, settings.gitlab(), SUPPORTED);
    String api = HostApi.apiBase(t.integration(), "https://" + t.host() + "/api/v4");
    String visibility = ctx.string("repoVisibility", "private");
    if (ctx.dryRun()) {
      ctx.log(
          "Dry run: would create the "
              + visibility
              + " GitLab project "
              + t.path()
              + " through "
              + api
              + ", commit "
              + t.source().getFileName()
              + " and push branch "
              + t.branch()
              + " to it");
      String url = "https://" + t.host() + "/" + t.path();
      ctx.output("remoteUrl", url);
      ctx.output("repoContentsUrl", url + "/-/blob/" + t.branch());
      ctx.output("commitHash", "0000000000000000000000000000000000000000");
      ctx.output("projectId", Json.MAPPER.getNodeFactory().numberNode(0));
      return;
    }
    HostApi gitlab = new HostApi(api, t.token(), settings.timeout(), ctx.stepId());
    HostApi.Reply namespace = gitlab.get("/namespaces/" + encode(t.owner()));
    if (!namespace.ok()) {
      throw new ScaffolderException(
          ctx.stepId(),
          namespace.status() == 404
              ? "GitLab has no namespace '" + t.owner() + "'"
              : "GitLab could not look up namespace '"
                  + t.owner()
                  + "': "
                  + namespace.message()
                  + " (HTTP "
                  + namespace.status()
                  + ")");
    }
    ObjectNode body =
        Json.object()
            .put("name", t.repo())
            .put("path", t.repo())
            .put("namespace_id", namespace.body().path("id").asLong())
            .put("visibility", visibility);
    String description = ctx.string("description", null);
    if (description != null) {
      body.put("description", description);
    }
    HostApi.Reply created = gitlab.post("/projects", body);
    if (!created.ok()) {
      throw new ScaffolderException(
          ctx.stepId(),
          "GitLab refused to create "
              + t.path()
              + ": "
              + created.message()
              + " (HTTP "
              + created.status()
              + ")");
    }
    long projectId = created.body().path("id").asLong();
    String cloneUrl = created.body().path("http_url_to_repo").asString("");
    ctx.log(
        "Created the " + visibility + " GitLab project " + t.path() + " (id " + projectId + ")");
    String commit =
        HostedPublish.pushOrDelete(
            ctx,
            t,
            cloneUrl,
            api,
            "oauth2",
            () -> {
              HostApi.Reply reply = gitlab.delete("/projects/" + projectId);
              return reply.ok() ? null : "HTTP " + reply.status() + ": " + reply.message();
            });
    String remote =
        cloneUrl.endsWith(".git") ? cloneUrl.substring(0, cloneUrl.length() - 4) : cloneUrl;
    ctx.log("Pushed " + commit + " to " + cloneUrl + " (" + t.branch() + ")");
    ctx.output("remoteUrl", remote);
    ctx.output("repoContentsUrl", remote + "/-/blob/" + t.branch());
    ctx.output("commitHash", commit);
    ctx.output("projectId", Json.MAPPER.getNodeFactory().numberNode(projectId));
  }

  private static String encode(String path) {
    return URLEncoder.encode(path, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
