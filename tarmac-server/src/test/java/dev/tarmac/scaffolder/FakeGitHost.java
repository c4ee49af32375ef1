package dev.tarmac.scaffolder;

import dev.tarmac.shared.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import tools.jackson.databind.JsonNode;

/**
 * A git host on 127.0.0.1 for tests: embedded Tomcat serving a fake REST API under {@code
 * apiPrefix} and git smart-HTTP (JGit's {@code GitServlet}) for the bare repositories it keeps
 * under a folder, at {@code /owner/repo.git} as the real hosts do. The API accepts only {@code
 * Authorization: Bearer TOKEN}, git only basic auth as {@code gitUser:TOKEN}; API requests are
 * recorded.
 */
final class FakeGitHost implements AutoCloseable {

  /**
   * A recorded API request.
   *
   * @param method the HTTP method
   * @param path the raw request path
   * @param authorization the Authorization header
   * @param accept every Accept header, joined with ", "
   * @param body the JSON body, or null
   */
  record Request(String method, String path, String authorization, String accept, JsonNode body) {}

  /** The host-specific REST API. */
  abstract static class Api extends HttpServlet {
    FakeGitHost host;

    /** Answers one authorised request; {@code path} is below the API prefix, still encoded. */
    abstract void handle(String method, String path, JsonNode body, HttpServletResponse res)
        throws IOException;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
      String raw = req.getRequestURI();
      byte[] bytes = req.getInputStream().readAllBytes();
      JsonNode body =
          bytes.length == 0 ? null : Json.parse(new String(bytes, StandardCharsets.UTF_8));
      String auth = req.getHeader("Authorization");
      String accept = String.join(", ", Collections.list(req.getHeaders("Accept")));
      host.requests.add(new Request(req.getMethod(), raw, auth, accept, body));
      if (!("Bearer " + host.token).equals(auth)) {
        json(res, 401, "{\"message\":\"Bad credentials\"}");
        return;
      }
      handle(req.getMethod(), raw.substring(host.apiPrefix.length()), body, res);
    }

    static void json(HttpServletResponse res, int status, String body) throws IOException {
      res.setStatus(status);
      if (body != null) {
        res.setContentType("application/json");
        res.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  final Path root;
  final String token;
  final String gitUser;
  final String apiPrefix;
  final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

  /** When set, the git side declines every push in a pre-receive hook. */
  volatile boolean refusePushes;

  private final Tomcat tomcat;
  private final int port;

  FakeGitHost(Path root, String token, String gitUser, String apiPrefix, Api api) throws Exception {
    this.root = root;
    this.token = token;
    this.gitUser = gitUser;
    this.apiPrefix = apiPrefix;
    api.host = this;
    Files.createDirectories(root.resolve("repos"));
    tomcat = new Tomcat();
    tomcat.setBaseDir(root.resolve("tomcat").toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    // GitLab's API takes namespace paths as one URL-encoded segment (group%2Fsubgroup).
    connector.setEncodedSolidusHandling("passthrough");
    tomcat.setConnector(connector);
    Context ctx = tomcat.addContext("", root.toString());
    Tomcat.addServlet(ctx, "api", api);
    ctx.addServletMappingDecoded(apiPrefix + "/*", "api");
    Tomcat.addServlet(ctx, "git", gitServlet());
    ctx.addServletMappingDecoded("/*", "git");
    FilterDef auth = new FilterDef();
    auth.setFilterName("git-auth");
    auth.setFilter(new GitAuth());
    ctx.addFilterDef(auth);
    FilterMap map = new FilterMap();
    map.setFilterName("git-auth");
    map.addServletName("git");
    ctx.addFilterMap(map);
    tomcat.start();
    port = connector.getLocalPort();
  }

  /** {@code http://127.0.0.1:PORT}. */
  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** The bare repository for {@code owner/repo}. */
  Path bare(String path) {
    return root.resolve("repos").resolve(path + ".git");
  }

  /** Creates an empty bare repository, as the host does for a new repository. */
  void create(String path) throws Exception {
    Files.createDirectories(bare(path).getParent());
    Git.init()
        .setBare(true)
        .setInitialBranch("main")
        .setDirectory(bare(path).toFile())
        .call()
        .close();
  }

  /** Deletes a repository; false when there was none. */
  boolean delete(String path) throws IOException {
    Path dir = bare(path);
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    return true;
  }

  /** The recorded API requests as {@code METHOD path} lines. */
  List<String> calls() {
    synchronized (requests) {
      return requests.stream().map(r -> r.method() + " " + r.path()).toList();
    }
  }

  private GitServlet gitServlet() {
    GitServlet git = new GitServlet();
    git.setRepositoryResolver(
        (req, name) -> {
          try {
            return new FileRepositoryBuilder()
                .setGitDir(root.resolve("repos").resolve(name).toFile())
                .setMustExist(true)
                .build();
          } catch (IOException e) {
            throw new RepositoryNotFoundException(name, e);
          }
        });
    git.setReceivePackFactory(
        (req, db) -> {
          ReceivePack pack = new ReceivePack(db);
          if (refusePushes) {
            pack.setPreReceiveHook(
                (rp, commands) ->
                    commands.forEach(
                        c ->
                            c.setResult(
                                ReceiveCommand.Result.REJECTED_OTHER_REASON,
                                "protected by test policy")));
          }
          return pack;
        });
    return git;
  }

  /** Basic auth as {@code gitUser:token}, challenged the way git clients expect. */
  private final class GitAuth extends HttpFilter {
    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
        throws IOException, jakarta.servlet.ServletException {
      String expected =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((gitUser + ":" + token).getBytes(StandardCharsets.UTF_8));
      if (!expected.equals(req.getHeader("Authorization"))) {
        res.setHeader("WWW-Authenticate", "Basic realm=\"fake git host\"");
        res.sendError(401);
        return;
      }
      chain.doFilter(req, res);
    }
  }

  @Override
  public void close() throws Exception {
    tomcat.stop();
    tomcat.destroy();
  }
}
