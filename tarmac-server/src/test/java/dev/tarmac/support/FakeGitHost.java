package dev.tarmac.support;

import dev.tarmac.shared.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.treewalk.TreeWalk;
import tools.jackson.databind.JsonNode;

/**
 * A git host on 127.0.0.1 for tests: embedded Tomcat serving a fake REST API under {@code
 * apiPrefix} and git smart-HTTP (JGit's {@code GitServlet}) for the bare repositories it keeps
 * under a folder, at {@code /owner/repo.git} as the real hosts do. The API accepts only {@code
 * Authorization: Bearer TOKEN}, git only basic auth as {@code gitUser:TOKEN}; API requests are
 * recorded. Shared by the scaffolder's publish tests and the catalog's reading tests.
 */
public final class FakeGitHost implements AutoCloseable {

  /**
   * A recorded API request.
   *
   * @param method the HTTP method
   * @param path the raw request path
   * @param authorization the Authorization header
   * @param accept every Accept header, joined with ", "
   * @param body the JSON body, or null
   */
  public record Request(
      String method, String path, String authorization, String accept, JsonNode body) {}

  /**
   * A file read from a repository.
   *
   * @param bytes its content
   * @param id its blob id, which the fake APIs send as the ETag
   */
  public record Blob(byte[] bytes, String id) {}

  /** The host-specific REST API. */
  public abstract static class Api extends HttpServlet {
    protected FakeGitHost host;

    /**
     * Answers one authorised request; {@code path} is below the API prefix, still encoded, without
     * the query (read it from {@code req}).
     */
    protected abstract void handle(
        String method, String path, JsonNode body, HttpServletRequest req, HttpServletResponse res)
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
      handle(req.getMethod(), raw.substring(host.apiPrefix.length()), body, req, res);
    }

    /** Sends a file with its blob id as the ETag, or 304 when the client already has it. */
    protected void file(
        HttpServletRequest req, HttpServletResponse res, Blob blob, String contentType)
        throws IOException {
      String etag = "\"" + blob.id() + "\"";
      res.setHeader("ETag", etag);
      if (etag.equals(req.getHeader("If-None-Match"))) {
        host.notModified.incrementAndGet();
        res.setStatus(304);
        return;
      }
      res.setStatus(200);
      res.setContentType(contentType);
      res.getOutputStream().write(blob.bytes());
    }

    protected static void json(HttpServletResponse res, int status, String body)
        throws IOException {
      res.setStatus(status);
      if (body != null) {
        res.setContentType("application/json");
        res.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  public final Path root;
  public final String token;
  public final String gitUser;
  public final String apiPrefix;
  public final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

  /** How many file reads were answered 304 Not Modified. */
  public final AtomicInteger notModified = new AtomicInteger();

  /** When set, the git side declines every push in a pre-receive hook. */
  public volatile boolean refusePushes;

  private final Tomcat tomcat;
  private final int port;

  /** Starts the host on a free port of 127.0.0.1. */
  public FakeGitHost(Path root, String token, String gitUser, String apiPrefix, Api api)
      throws Exception {
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
  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** The bare repository for {@code owner/repo}. */
  public Path bare(String path) {
    return root.resolve("repos").resolve(path + ".git");
  }

  /** Creates an empty bare repository, as the host does for a new repository. */
  public void create(String path) throws Exception {
    Files.createDirectories(bare(path).getParent());
    Git.init()
        .setBare(true)
        .setInitialBranch("main")
        .setDirectory(bare(path).toFile())
        .call()
        .close();
  }

  /** Deletes a repository; false when there was none. */
  public boolean delete(String path) throws IOException {
    Path dir = bare(path);
    if (!Files.isDirectory(dir)) {
      return false;
    }
    // JGit may still be tidying up after a refused push (gc.log.lock comes and goes), so files can
    // vanish or appear while the tree is deleted: try again a few times.
    for (int attempt = 1; ; attempt++) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
        return true;
      } catch (IOException | UncheckedIOException e) {
        if (attempt == 20) {
          throw e;
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** The recorded API requests as {@code METHOD path} lines. */
  public List<String> calls() {
    synchronized (requests) {
      return requests.stream().map(r -> r.method() + " " + r.path()).toList();
    }
  }

  /**
   * Commits {@code files} (path to text) to {@code branch} of {@code path}, creating the repository
   * when it does not exist yet; returns the commit id.
   */
  public String commit(String path, String branch, Map<String, String> files) throws Exception {
    if (!Files.isDirectory(bare(path))) {
      create(path);
    }
    try (Repository repo =
            new FileRepositoryBuilder().setGitDir(bare(path).toFile()).setMustExist(true).build();
        ObjectInserter inserter = repo.newObjectInserter()) {
      ObjectId parent = repo.resolve("refs/heads/" + branch);
      DirCache index = DirCache.newInCore();
      DirCacheBuilder builder = index.builder();
      if (parent != null) {
        try (RevWalk walk = new RevWalk(repo);
            ObjectReader reader = repo.newObjectReader()) {
          builder.addTree(new byte[0], 0, reader, walk.parseCommit(parent).getTree());
        }
      }
      builder.finish();
      DirCacheEditor editor = index.editor();
      for (Map.Entry<String, String> f : files.entrySet()) {
        ObjectId blob =
            inserter.insert(Constants.OBJ_BLOB, f.getValue().getBytes(StandardCharsets.UTF_8));
        editor.add(
            new DirCacheEditor.PathEdit(f.getKey()) {
              @Override
              public void apply(DirCacheEntry entry) {
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(blob);
              }
            });
      }
      editor.finish();
      CommitBuilder commit = new CommitBuilder();
      PersonIdent who = new PersonIdent("Fake Host", "fake@example.com");
      commit.setAuthor(who);
      commit.setCommitter(who);
      commit.setMessage("test files\n");
      commit.setTreeId(index.writeTree(inserter));
      if (parent != null) {
        commit.setParentId(parent);
      }
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      RefUpdate update = repo.updateRef("refs/heads/" + branch);
      update.setNewObjectId(id);
      update.setForceUpdate(true);
      update.update();
      return id.name();
    }
  }

  /** The file at {@code file} of {@code ref} in repository {@code path}, or null when absent. */
  public Blob file(String path, String ref, String file) throws IOException {
    if (!Files.isDirectory(bare(path))) {
      return null;
    }
    try (Repository repo =
            new FileRepositoryBuilder().setGitDir(bare(path).toFile()).setMustExist(true).build();
        RevWalk walk = new RevWalk(repo)) {
      ObjectId commit = repo.resolve(ref + "^{commit}");
      if (commit == null) {
        return null;
      }
      try (TreeWalk tw = TreeWalk.forPath(repo, file, walk.parseCommit(commit).getTree())) {
        if (tw == null || !tw.getFileMode(0).equals(FileMode.REGULAR_FILE)) {
          return null;
        }
        ObjectId blob = tw.getObjectId(0);
        return new Blob(repo.open(blob).getBytes(), blob.name());
      }
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
