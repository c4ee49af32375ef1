package dev.tarmac.support;

import dev.tarmac.shared.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The calls {@code publish:github} makes, as GitHub's REST API documents them: {@code GET
 * /users/{username}}, {@code GET /user}, {@code POST /user/repos}, {@code POST /orgs/{org}/repos}
 * (201 with {@code clone_url} and {@code html_url}; 422 when the name exists) and {@code DELETE
 * /repos/{owner}/{repo}} (204); and the one the catalog reads files with, {@code GET
 * /repos/{owner}/{repo}/contents/{path}?ref=} (the raw file for {@code Accept:
 * application/vnd.github.raw}, else JSON with base64 {@code content}; the blob id as ETag).
 */
public final class FakeGitHubApi extends FakeGitHost.Api {

  private final String login;
  private final Map<String, String> accounts;
  private final AtomicLong ids = new AtomicLong(1000);

  /** When set, contents are always answered as JSON, as servers that ignore the raw type do. */
  public volatile boolean ignoreRawMediaType;

  /**
   * @param login the token's user
   * @param accounts login to type ({@code User} or {@code Organization}), the token's user included
   */
  public FakeGitHubApi(String login, Map<String, String> accounts) {
    this.login = login;
    this.accounts = accounts;
  }

  @Override
  protected void handle(
      String method, String path, JsonNode body, HttpServletRequest req, HttpServletResponse res)
      throws IOException {
    String[] p = path.substring(1).split("/");
    if (method.equals("GET") && p.length >= 5 && p[0].equals("repos") && p[3].equals("contents")) {
      contents(decode(p[1]) + "/" + decode(p[2]), Arrays.copyOfRange(p, 4, p.length), req, res);
    } else if (method.equals("GET") && p.length == 2 && p[0].equals("users")) {
      String name = decode(p[1]);
      String type = accounts.get(name);
      if (type == null) {
        json(res, 404, "{\"message\":\"Not Found\",\"status\":\"404\"}");
      } else {
        json(res, 200, Json.object().put("login", name).put("type", type).toString());
      }
    } else if (method.equals("GET") && path.equals("/user")) {
      json(res, 200, Json.object().put("login", login).put("type", "User").toString());
    } else if (method.equals("POST") && path.equals("/user/repos")) {
      create(login, body, res);
    } else if (method.equals("POST")
        && p.length == 3
        && p[0].equals("orgs")
        && p[2].equals("repos")) {
      String org = decode(p[1]);
      if (!"Organization".equals(accounts.get(org))) {
        json(res, 404, "{\"message\":\"Not Found\"}");
      } else {
        create(org, body, res);
      }
    } else if (method.equals("DELETE") && p.length == 3 && p[0].equals("repos")) {
      boolean deleted = host.delete(decode(p[1]) + "/" + decode(p[2]));
      json(res, deleted ? 204 : 404, deleted ? null : "{\"message\":\"Not Found\"}");
    } else {
      json(res, 404, "{\"message\":\"Not Found\"}");
    }
  }

  private void create(String owner, JsonNode body, HttpServletResponse res) throws IOException {
    String name = body == null ? "" : body.path("name").asString("");
    if (name.isEmpty()) {
      json(res, 422, "{\"message\":\"Validation Failed\"}");
      return;
    }
    String full = owner + "/" + name;
    if (Files.exists(host.bare(full))) {
      json(
          res,
          422,
          """
          {"message":"Repository creation failed.","errors":[{"resource":"Repository",\
          "code":"custom","field":"name","message":"name already exists on this account"}],\
          "documentation_url":"https://docs.github.com/rest/repos/repos#create-an-organization-repository",\
          "status":"422"}""");
      return;
    }
    try {
      host.create(full);
    } catch (Exception e) {
      throw new IOException(e);
    }
    boolean isPrivate = body.path("private").asBoolean(false);
    ObjectNode repo =
        Json.object()
            .put("id", ids.incrementAndGet())
            .put("name", name)
            .put("full_name", full)
            .put("private", isPrivate)
            .put("visibility", body.path("visibility").asString(isPrivate ? "private" : "public"))
            .put("html_url", host.url() + "/" + full)
            .put("clone_url", host.url() + "/" + full + ".git")
            .put("default_branch", "main");
    json(res, 201, repo.toString());
  }

  private void contents(String repo, String[] file, HttpServletRequest req, HttpServletResponse res)
      throws IOException {
    String path = Arrays.stream(file).map(FakeGitHubApi::decode).collect(Collectors.joining("/"));
    String ref = req.getParameter("ref") == null ? "main" : req.getParameter("ref");
    FakeGitHost.Blob blob = host.file(repo, ref, path);
    if (blob == null) {
      json(res, 404, "{\"message\":\"Not Found\",\"status\":\"404\"}");
    } else if (!ignoreRawMediaType
        && "application/vnd.github.raw".equals(req.getHeader("Accept"))) {
      file(req, res, blob, "application/vnd.github.raw; charset=utf-8");
    } else {
      String encoded = Base64.getMimeEncoder().encodeToString(blob.bytes());
      ObjectNode content =
          Json.object()
              .put("type", "file")
              .put("encoding", "base64")
              .put("path", path)
              .put("sha", blob.id())
              .put("content", encoded);
      file(
          req,
          res,
          new FakeGitHost.Blob(content.toString().getBytes(StandardCharsets.UTF_8), blob.id()),
          "application/json; charset=utf-8");
    }
  }

  private static String decode(String segment) {
    return URLDecoder.decode(segment, StandardCharsets.UTF_8);
  }
}
