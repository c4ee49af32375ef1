import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scaffolder benchmark: starts the packaged Tarmac jar with the demo organisation (which registers
 * the golden paths in templates/) and measures, through the HTTP API, (1) POST /dry-run of a
 * template with 200 skeleton files, and (2) a real run of each golden path end to end: POST /tasks,
 * the task completed (files rendered, committed and pushed to a bare repository under the data
 * folder), and the new Component readable from the catalog API. Run from the repository root after
 * {@code mvn -B -DskipTests package}:
 *
 * <pre>
 * java bench/ScaffolderBench.java                     # 5 dry runs, 3 runs of each golden path, H2
 * java bench/ScaffolderBench.java --samples 10 --postgres 'jdbc:postgresql://127.0.0.1:5432/scaff?user=postgres'
 * </pre>
 */
public class ScaffolderBench {

  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final List<String> GOLDEN =
      List.of("spring-boot-rest-service", "event-driven-service", "scheduled-job");

  public static void main(String[] args) throws Exception {
    int samples = 5;
    int runs = 3;
    int files = 200;
    String postgres = null;
    String jar = "tarmac-server/target/tarmac.jar";
    String jvm = System.getenv().getOrDefault("TARMAC_JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--samples" -> samples = Integer.parseInt(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--files" -> files = Integer.parseInt(args[++i]);
        case "--postgres" -> postgres = args[++i];
        case "--jar" -> jar = args[++i];
        case "--jvm" -> jvm = args[++i];
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    if (!Files.exists(Path.of(jar))) {
      throw new IllegalStateException(jar + " not found: run mvn -B -DskipTests package first");
    }
    Path work = Files.createTempDirectory("tarmac-scaffolder-bench");
    Path data = work.resolve("data");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> cmd = new ArrayList<>(List.of("java"));
    cmd.addAll(Arrays.asList(jvm.trim().split("\\s+")));
    cmd.addAll(
        List.of(
            "-jar",
            jar,
            "--server.port=" + port,
            "--server.address=127.0.0.1",
            "--tarmac.demo=true",
            "--tarmac.data-dir=" + data,
            "--logging.level.root=warn"));
    if (postgres != null) {
      cmd.add("--spring.datasource.url=" + postgres);
      cmd.add("--spring.datasource.username=postgres");
      cmd.add("--spring.datasource.password=");
    }
    String base = "http://127.0.0.1:" + port;
    System.out.printf("database: %s; JVM options: %s%n", postgres == null ? "embedded H2" : postgres, jvm);
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("server.log").toFile())
            .start();
    try {
      long t0 = System.nanoTime();
      while (status(base + "/actuator/health") != 200) {
        check(p, work);
        Thread.sleep(50);
      }
      while (!GOLDEN.stream().allMatch(g -> templates(base).contains("template:default/" + g))) {
        check(p, work);
        Thread.sleep(100);
      }
      System.out.printf("java -jar to golden paths in the catalog: %.2f s%n", (System.nanoTime() - t0) / 1e9);

      String body = dryRunBody(files);
      System.out.printf("dry-run request: %d files, %d KiB of JSON%n", files, body.length() / 1024);
      long[] dry = new long[samples];
      for (int i = -1; i < samples; i++) {
        long s = System.nanoTime();
        String answer = post(base + "/api/scaffolder/v2/dry-run", body);
        long ms = (System.nanoTime() - s) / 1_000_000;
        int rendered = count(answer, "\"base64Content\"");
        if (!answer.contains("\"status\":\"completed\"") || rendered != files) {
          throw new IllegalStateException("dry run did not render " + files + " files: "
              + answer.substring(0, Math.min(500, answer.length())));
        }
        if (i < 0) {
          System.out.printf("dry-run %d files, first request (cold): %d ms%n", files, ms);
        } else {
          dry[i] = ms;
        }
      }
      Arrays.sort(dry);
      System.out.printf("dry-run %d files, %d warm requests: min %d ms, median %d ms, max %d ms%n",
          files, samples, dry[0], dry[samples / 2], dry[samples - 1]);

      for (String golden : GOLDEN) {
        for (int r = 0; r < runs; r++) {
          String name = "bench-" + UUID.randomUUID().toString().substring(0, 8);
          long s = System.nanoTime();
          String created =
              post(
                  base + "/api/scaffolder/v2/tasks",
                  "{\"templateRef\":\"template:default/" + golden + "\",\"values\":{\"name\":\"" + name
                      + "\",\"owner\":\"group:default/platform\",\"javaPackage\":\"com.example.bench\","
                      + "\"repoUrl\":\"git.tarmac.local?owner=bench&repo=" + name + "\"}}");
          String id = field(created, "id");
          String task;
          String state;
          do {
            check(p, work);
            Thread.sleep(10);
            task = get(base + "/api/scaffolder/v2/tasks/" + id);
            state = field(task, "status");
          } while (state.equals("open") || state.equals("processing"));
          long done = System.nanoTime();
          if (!state.equals("completed")) {
            throw new IllegalStateException(golden + " task " + state + ": " + task);
          }
          while (status(base + "/api/catalog/entities/by-name/component/default/" + name) != 200) {
            check(p, work);
            Thread.sleep(10);
          }
          long registered = System.nanoTime();
          Path bare = data.resolve("git/bench/" + name + ".git");
          boolean pushed =
              Files.exists(bare.resolve("packed-refs"))
                  || (Files.isDirectory(bare.resolve("refs/heads"))
                      && Files.list(bare.resolve("refs/heads")).findAny().isPresent());
          if (!pushed) {
            throw new IllegalStateException("no pushed branch in " + bare);
          }
          System.out.printf(
              "%-26s run %d: task completed (rendered, pushed) %5d ms, Component in the catalog %5d ms%n",
              golden, r + 1, (done - s) / 1_000_000, (registered - s) / 1_000_000);
        }
      }
    } finally {
      p.destroy();
      p.waitFor();
    }
  }

  /** A template whose skeleton has {@code files} Java files using expressions, loops and filters. */
  static String dryRunBody(int files) {
    StringBuilder contents = new StringBuilder("[");
    for (int i = 0; i < files; i++) {
      String source =
          "package ${{ values.package }}.part" + (i % 10) + ";\n\n"
              + "/** ${{ values.name | title }} file " + i + ", owned by ${{ values.owner | upper }}. */\n"
              + "public class Part" + i + " {\n"
              + "{% for field in values.fields %}"
              + "  private final String ${{ field }}" + i + " = \"${{ values.name }}-${{ field | replace('_', '-') }}\";\n"
              + "{% endfor %}"
              + "{% if values.metrics %}  // metrics enabled for ${{ values.name }}\n{% endif %}"
              + "  public String describe() {\n"
              + "    return \"${{ values.name }} part " + i + " of ${{ values.fields | length }} fields\";\n"
              + "  }\n}\n";
      if (i > 0) {
        contents.append(',');
      }
      contents
          .append("{\"path\":\"skeleton/src/main/java/${{ values.name }}/Part")
          .append(i)
          .append(".java\",\"base64Content\":\"")
          .append(Base64.getEncoder().encodeToString(source.getBytes(StandardCharsets.UTF_8)))
          .append("\"}");
    }
    contents.append(']');
    String template =
        "{\"apiVersion\":\"scaffolder.backstage.io/v1beta3\",\"kind\":\"Template\","
            + "\"metadata\":{\"name\":\"many-files\"},\"spec\":{"
            + "\"parameters\":[{\"required\":[\"name\"],\"properties\":{\"name\":{\"type\":\"string\"}}}],"
            + "\"steps\":[{\"id\":\"fetch\",\"name\":\"Fetch\",\"action\":\"fetch:template\",\"input\":{"
            + "\"url\":\"./skeleton\",\"values\":{\"name\":\"${{ parameters.name }}\",\"owner\":\"team-a\","
            + "\"package\":\"com.example.many\",\"metrics\":true,"
            + "\"fields\":[\"first_name\",\"last_name\",\"email\",\"street\",\"city\",\"country\"]}}}]}}";
    return "{\"template\":" + template + ",\"values\":{\"name\":\"orders\"},\"directoryContents\":"
        + contents + "}";
  }

  static String templates(String base) {
    try {
      return get(base + "/api/scaffolder/v2/templates");
    } catch (Exception e) {
      return "";
    }
  }

  static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }

  static void check(Process p, Path work) throws IOException {
    if (!p.isAlive()) {
      throw new IllegalStateException("Tarmac exited: " + Files.readString(work.resolve("server.log")));
    }
  }

  static int status(String url) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException | InterruptedException e) {
      return -1;
    }
  }

  static String get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  static String post(String url, String json) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }
}
