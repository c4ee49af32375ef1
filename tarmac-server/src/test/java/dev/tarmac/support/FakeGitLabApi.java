package dev.tarmac.support;

import dev.tarmac.shared.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The calls {@code publish:gitlab} makes, as GitLab's REST API v4 documents them: {@code GET
 * /namespaces/:id} (an id or a URL-encoded full path), {@code POST /projects} (201 with {@code id},
 * {@code http_url_to_repo} and {@code web_url}; 400 when the name or path is taken) and {@code
 * DELETE /projects/:id} (202); and the one the catalog reads files with, {@code GET
 * /projects/:id/repository/files/:file_path/raw?ref=} (project and path URL-encoded; the blob id as
 * ETag).
 */
public final class FakeGitLabApi extends FakeGitHost.Api {

  private final Map<String, Long> namespaces;
  private final Map<Long, String> projects = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(7000);

  /**
   * @param namespaces full path to namespace id
   */
  public FakeGitLabApi(Map<String, Long> namespaces) {
    this.namespaces = namespaces;
  }

  @Override
  protected void handle(
      String method, String path, JsonNode body, HttpServletRequest req, HttpServletResponse res)
      throws IOException {
    String[] p = path.substring(1).split("/");
    if (method.equals("GET")
        && p.length == 6
        && p[0].equals("projects")
        && p[2].equals("repository")
        && p[3].equals("files")
        && p[5].equals("raw")) {
      String project = URLDecoder.decode(p[1], StandardCharsets.UTF_8);
      String file = URLDecoder.decode(p[4], StandardCharsets.UTF_8);
      String ref = req.getParameter("ref");
      FakeGitHost.Blob blob = ref == null ? null : host.file(project, ref, file);
      if (blob == null) {
        json(res, 404, "{\"message\":\"404 File Not Found\"}");
      } else {
        file(req, res, blob, "text/plain; charset=utf-8");
      }
    } else if (method.equals("GET") && p.length == 2 && p[0].equals("namespaces")) {
      String full = URLDecoder.decode(p[1], StandardCharsets.UTF_8);
      Long id = namespaces.get(full);
      if (id == null) {
        json(res, 404, "{\"message\":\"404 Namespace Not Found\"}");
      } else {
        json(
            res,
            200,
            Json.object()
                .put("id", id)
                .put("path", full.substring(full.lastIndexOf('/') + 1))
                .put("full_path", full)
                .put("kind", "group")
                .toString());
      }
    } else if (method.equals("POST") && path.equals("/projects")) {
      create(body, res);
    } else if (method.equals("DELETE") && p.length == 2 && p[0].equals("projects")) {
      String full = projects.remove(Long.parseLong(p[1]));
      if (full == null || !host.delete(full)) {
        json(res, 404, "{\"message\":\"404 Project Not Found\"}");
      } else {
        json(res, 202, "{\"message\":\"202 Accepted\"}");
      }
    } else {
      json(res, 404, "{\"error\":\"404 Not Found\"}");
    }
  }

  private void create(JsonNode body, HttpServletResponse res) throws IOException {
    long namespaceId = body.path("namespace_id").asLong(-1);
    String namespace =
        namespaces.entrySet().stream()
            .filter(e -> e.getValue() == namespaceId)
            .map(Map.Entry::getKey)
            .findFirst()
            .orElse(null);
    if (namespace == null) {
      json(res, 404, "{\"message\":\"404 Namespace Not Found\"}");
      return;
    }
    String path = body.path("path").asString(body.path("name").asString(""));
    String full = namespace + "/" + path;
    if (Files.exists(host.bare(full))) {
      json(
          res,
          400,
          "{\"message\":{\"name\":[\"has already been taken\"],\"path\":[\"has already been taken\"]}}");
      return;
    }
    try {
      host.create(full);
    } catch (Exception e) {
      throw new IOException(e);
    }
    long id = ids.incrementAndGet();
    projects.put(id, full);
    ObjectNode project =
        Json.object()
            .put("id", id)
            .put("name", body.path("name").asString())
            .put("path", path)
            .put("path_with_namespace", full)
            .put("visibility", body.path("visibility").asString("private"))
            .put("web_url", host.url() + "/" + full)
            .put("http_url_to_repo", host.url() + "/" + full + ".git");
    json(res, 201, project.toString());
  }
}
