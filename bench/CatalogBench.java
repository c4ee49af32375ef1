import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Catalog benchmark: starts the packaged Tarmac jar on a synthetic catalog and prints start-up
 * time, ingestion throughput, API latencies, RSS and idle CPU. Run from the repository root:
 *
 * <pre>
 * java bench/CatalogBench.java --entities 10000                  # own generator, embedded H2
 * java bench/CatalogBench.java --catalog DIR                     # a folder from gen_catalog.py
 * java bench/CatalogBench.java --entities 10000 --postgres jdbc:postgresql://127.0.0.1:5432/bench?user=postgres
 * java bench/CatalogBench.java --catalog DIR --rounds 3 --samples 500   # more latency rounds
 * java bench/CatalogBench.java --catalog DIR --warmup-seconds 0        # no warm-up before round 2
 * java bench/CatalogBench.java --catalog DIR --jvm "-Xmx512m -XX:+UseSerialGC" --jit ""  # JVM options
 * java bench/CatalogBench.java --catalog DIR --java /usr/lib/jvm/java-17-openjdk-amd64/bin/java  # a JVM
 * java bench/CatalogBench.java --catalog DIR --ingestions 5     # five cold ingestions, their spread
 * </pre>
 */
public class CatalogBench {

  /** The JVM options run.sh uses, unless TARMAC_JAVA_OPTS says otherwise. */
  static final String DEFAULT_JVM = "-Xmx256m -XX:+UseParallelGC";

  /** The JIT options run.sh adds, unless TARMAC_JIT_OPTS says otherwise (empty: none). */
  static final String DEFAULT_JIT =
      "-XX:MaxInlineSize=20 -XX:FreqInlineSize=100 -XX:InlineSmallCode=1000 -XX:C1MaxInlineSize=20";

  /** Where run.sh keeps the extracted jar and its class-data archive. */
  static final Path CDS = Path.of("tarmac-server/target/cds");

  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public static void main(String[] args) throws Exception {
    int entities = 10_000;
    Path catalog = null;
    String postgres = null;
    int samples = 300;
    int idleSeconds = 30;
    int rounds = 2;
    int warmupSeconds = 120;
    int ingestions = 1;
    String jar = null;
    String javaCommand = null;
    String jvm = System.getenv().getOrDefault("TARMAC_JAVA_OPTS", DEFAULT_JVM);
    String jitOptions = System.getenv().getOrDefault("TARMAC_JIT_OPTS", DEFAULT_JIT);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--entities" -> entities = Integer.parseInt(args[++i]);
        case "--catalog" -> catalog = Path.of(args[++i]).toAbsolutePath();
        case "--postgres" -> postgres = args[++i];
        case "--samples" -> samples = Integer.parseInt(args[++i]);
        case "--idle-seconds" -> idleSeconds = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(args[++i]);
        case "--ingestions" -> ingestions = Math.max(1, Integer.parseInt(args[++i]));
        case "--jar" -> jar = args[++i];
        case "--jvm" -> jvm = args[++i];
        case "--jit" -> jitOptions = args[++i];
        case "--java" -> javaCommand = args[++i];
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    // The JVM run.sh would start (or the one given) and the options run.sh gives that JVM.
    String[] selected = runShJvm(javaCommand);
    javaCommand = selected[0];
    String vmOptions = selected[1];
    if (jar == null) {
      prepare(javaCommand);
    }
    List<String> archive = new ArrayList<>();
    // As run.sh starts it: the extracted jar with its class-data archive, an AOT cache on Java 25
    // or later and an AppCDS archive before, when the archive is newer than the jar.
    int javaVersion = featureVersion(javaCommand);
    boolean aot = javaVersion >= 25;
    Path trained = CDS.resolve(aot ? "tarmac.aot" : "tarmac.jsa");
    Path built = Path.of("tarmac-server/target/tarmac.jar");
    if (jar == null
        && Files.exists(trained)
        && Files.exists(built)
        && Files.getLastModifiedTime(trained).compareTo(Files.getLastModifiedTime(built)) >= 0) {
      jar = CDS.resolve("tarmac.jar").toString();
      archive.add((aot ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + trained);
    } else if (jar == null) {
      jar = "tarmac-server/target/tarmac.jar";
    }
    if (!Files.exists(Path.of(jar))) {
      throw new IllegalStateException(jar + " not found: run mvn -B -DskipTests package first");
    }
    Path work = Files.createTempDirectory("tarmac-bench");
    if (catalog == null) {
      catalog = work.resolve("catalog");
      generate(catalog, entities, 42);
    }
    if (!Files.isRegularFile(catalog.resolve("manifest.json"))) {
      System.err.println(catalog + " has no manifest.json: give a folder written by gen_catalog.py"
          + " (or --entities N for the benchmark's own catalog)");
      System.exit(2);
    }
    String manifest = Files.readString(catalog.resolve("manifest.json"));
    List<String[]> names = namesFromManifest(manifest);
    int expected = totalFromManifest(manifest) + 2; // + the root Location file + the generated one
    List<String> jvmCommand = new ArrayList<>(List.of(javaCommand));
    jvmCommand.addAll(Arrays.asList(jvm.trim().split("\\s+")));
    if (!vmOptions.isBlank()) {
      jvmCommand.addAll(Arrays.asList(vmOptions.trim().split("\\s+")));
    }
    if (!jitOptions.isBlank()) {
      jvmCommand.addAll(Arrays.asList(jitOptions.trim().split("\\s+")));
    }
    jvmCommand.addAll(archive);
    jvmCommand.add("-jar");
    jvmCommand.add(jar);
    System.out.printf("catalog: %s (%d entities expected through the API)%n", catalog, expected);
    System.out.printf("database: %s%n", postgres == null ? "embedded H2" : postgres);
    System.out.printf("JVM: %s (Java %d), options: %s %s %s %s%n", javaCommand,
        javaVersion, jvm, vmOptions, jitOptions, String.join(" ", archive));
    // Repeated cold ingestions, each on an empty database (a fresh data folder; on PostgreSQL a
    // fresh schema), show how much one run's figure varies; the last run goes on to the latencies.
    List<Ingestion> runs = new ArrayList<>();
    List<String> schemas = new ArrayList<>();
    String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    try {
      for (int k = 1; k <= ingestions; k++) {
        String schema =
            postgres != null && ingestions > 1 ? "tarmac_bench_" + k + "_" + suffix : null;
        if (schema != null) {
          schemas.add(schema);
        }
        Path data = work.resolve("data-" + k);
        Server server = Server.start(jvmCommand, catalog, data, postgres, schema,
            work.resolve("server-" + k + ".log"));
        try {
          if (k < ingestions) {
            Ingestion run = server.ingest(expected);
            runs.add(run);
            System.out.printf("cold ingestion %d of %d: healthy %.2f s, all visible after %.2f s"
                + " (%.1f CPU-s, JIT %.1f), RSS %d MiB%n", k, ingestions, run.healthy(),
                run.visible(), run.cpu(), run.jit(), run.rssMiB());
          } else {
            measureLast(server, expected, names, samples, rounds, warmupSeconds, idleSeconds, runs);
          }
        } finally {
          server.stop();
          deleteTree(data);
        }
      }
      if (ingestions > 1) {
        System.out.printf("over %d cold ingestions: all visible after %s s, healthy after %s s,"
            + " server CPU during ingestion %s CPU-s (min / median / max)%n", ingestions,
            spread(runs.stream().mapToDouble(Ingestion::visible).toArray()),
            spread(runs.stream().mapToDouble(Ingestion::healthy).toArray()),
            spread(runs.stream().mapToDouble(Ingestion::cpu).toArray()));
      }
    } finally {
      // Also when a run failed: the schemas of the runs before it are left otherwise.
      if (!schemas.isEmpty()) {
        dropSchemas(postgres, schemas);
      }
    }
  }

  /** What one cold ingestion took: seconds, CPU-seconds and the RSS after it. */
  record Ingestion(double healthy, double startCpu, double startJit, double visible, double cpu,
      double jit, long rssMiB) {}

  /** A Tarmac server the benchmark started. */
  record Server(Process process, String base, Path log, long started) {

    /** Starts Tarmac on an empty database with the catalog registered as a config location. */
    static Server start(List<String> jvmCommand, Path catalog, Path dataDir, String postgres,
        String schema, Path log) throws IOException {
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      List<String> cmd = new ArrayList<>(jvmCommand);
      cmd.addAll(List.of(
          "--server.port=" + port, "--server.address=127.0.0.1", "--tarmac.demo=false",
          "--tarmac.data-dir=" + dataDir,
          "--tarmac.catalog.locations[0].type=file",
          "--tarmac.catalog.locations[0].target=" + catalog.resolve("catalog-info.yaml"),
          "--tarmac.catalog.rules[0].allow=Component,API,Resource,System,Domain,Group,User,Location",
          "--logging.level.root=warn"));
      if (postgres != null) {
        String url = schema == null ? postgres
            : postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        cmd.add("--spring.datasource.url=" + url);
        cmd.add("--spring.datasource.username=postgres");
        cmd.add("--spring.datasource.password=");
        if (schema != null) {
          cmd.add("--spring.flyway.schemas=" + schema);
          cmd.add("--spring.flyway.default-schema=" + schema);
        }
      }
      long started = System.nanoTime();
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
          .start();
      return new Server(p, "http://127.0.0.1:" + port, log, started);
    }

    /** Waits until healthy, then until every entity is visible through the API. */
    Ingestion ingest(int expected) throws Exception {
      while (status(base + "/actuator/health") != 200) {
        check();
        Thread.sleep(50);
      }
      double healthy = (System.nanoTime() - started) / 1e9;
      long pid = process.pid();
      long cpu0 = cpuTicks(pid);
      long jit0 = compilerTicks(pid);
      long t1 = System.nanoTime();
      int visible = 0;
      while (visible < expected) {
        check();
        String body = get(base + "/api/catalog/entities/by-query?limit=0");
        Matcher m = Pattern.compile("\"totalItems\":(\\d+)").matcher(body);
        visible = m.find() ? Integer.parseInt(m.group(1)) : 0;
        if (visible < expected) {
          Thread.sleep(100);
        }
        if ((System.nanoTime() - t1) / 1e9 > 600) {
          throw new IllegalStateException("Only " + visible + " of " + expected + " after 600 s");
        }
      }
      double ingest = (System.nanoTime() - t1) / 1e9;
      return new Ingestion(healthy, cpu0 / 100.0, jit0 / 100.0, ingest,
          (cpuTicks(pid) - cpu0) / 100.0, (compilerTicks(pid) - jit0) / 100.0, rssKb(pid) / 1024);
    }

    void check() throws IOException {
      if (!process.isAlive()) {
        throw new IllegalStateException("Tarmac exited; see " + log + ":\n" + Files.readString(log));
      }
    }

    void stop() throws InterruptedException {
      process.destroy();
      process.waitFor();
    }
  }

  /** Deletes a run's data folder (an embedded database of 100,000 entities is gigabytes). */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** min / median / max of some figures. */
  static String spread(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    return String.format("%.2f / %.2f / %.2f", v[0], median, v[v.length - 1]);
  }

  /**
   * Drops the schemas the repeated ingestions made, through the PostgreSQL driver Tarmac ships
   * (in the extracted jar's lib folder); without it, prints the statement to run.
   */
  static void dropSchemas(String postgres, List<String> schemas) {
    String sql = "DROP SCHEMA " + String.join(", ", schemas) + " CASCADE";
    try (var jars = Files.list(CDS.resolve("lib"))) {
      Path driver = jars.filter(j -> j.getFileName().toString().startsWith("postgresql-"))
          .findFirst().orElseThrow();
      var props = new java.util.Properties();
      props.setProperty("user", "postgres");
      try (var loader = new java.net.URLClassLoader(new java.net.URL[] {driver.toUri().toURL()})) {
        var d = (java.sql.Driver) Class.forName("org.postgresql.Driver", true, loader)
            .getDeclaredConstructor().newInstance();
        try (var c = d.connect(postgres, props); var st = c.createStatement()) {
          st.execute(sql);
        }
      }
      System.out.printf("dropped the benchmark's schemas %s%n", String.join(", ", schemas));
    } catch (Exception e) {
      System.out.printf("could not drop the benchmark's schemas (%s); run: %s;%n", e, sql);
    }
  }

  /** The last cold ingestion, then the latency rounds, RSS and idle CPU on the same server. */
  static void measureLast(Server server, int expected, List<String[]> names, int samples,
      int rounds, int warmupSeconds, int idleSeconds, List<Ingestion> runs) throws Exception {
    Process p = server.process();
    String base = server.base();
    Ingestion run = server.ingest(expected);
    runs.add(run);
    // The JIT's share shows how much of a cold start and a cold ingestion is the JVM warming up.
    System.out.printf("java -jar to healthy: %.2f s (%.1f CPU-s, of which the JIT compiler"
        + " threads %.1f)%n", run.healthy(), run.startCpu(), run.startJit());
    System.out.printf("all %d entities visible after %.2f s (%.0f entities/s)%n",
        expected, run.visible(), expected / run.visible());
    // CPU time the server spent, which a loaded machine disturbs far less than wall time.
    System.out.printf("server CPU during ingestion: %.1f CPU-s, of which the JIT compiler"
        + " threads %.1f%n", run.cpu(), run.jit());
    System.out.printf("RSS after ingestion: %d MiB%n", run.rssMiB());
    Random random = new Random(7);
    // Round 1 runs on a JVM that has only just compiled the ingestion path (its compiler is
    // still busy for tens of seconds); later rounds follow a warm-up of the same requests, not
    // measured, and show the steady state a long-running server answers in.
    List<Url> urls = List.of(
        () -> {
          String[] n = names.get(random.nextInt(names.size()));
          return base + "/api/catalog/entities/by-name/" + n[0] + "/default/" + n[1];
        },
        () -> base + "/api/catalog/entities/by-query?filter=kind%3Dcomponent&limit=100",
        () -> base + "/api/catalog/entities?filter="
            + URLEncoder.encode("kind=component,spec.lifecycle=production", StandardCharsets.UTF_8),
        () -> base + "/api/catalog/entity-facets?facet=spec.type");
    for (int round = 1; round <= rounds; round++) {
      if (round == 2 && warmupSeconds > 0) {
        // The same requests, not measured, until the server's JIT compilers have been quiet
        // (under 1% of a core) for five seconds, or for at most --warmup-seconds.
        long start = System.nanoTime();
        long until = start + warmupSeconds * 1_000_000_000L;
        long n = 0;
        long window = start;
        long jit = compilerTicks(p.pid());
        boolean quiet = false;
        while (!quiet && System.nanoTime() < until) {
          fetch(urls.get((int) (n++ % urls.size())).next());
          if (System.nanoTime() - window > 5_000_000_000L) {
            long now = compilerTicks(p.pid());
            quiet = now - jit < 5;
            jit = now;
            window = System.nanoTime();
          }
        }
        System.out.printf("warm-up: %d requests over %.0f s, not measured (%s)%n", n,
            (System.nanoTime() - start) / 1e9,
            quiet ? "until the JIT compilers were quiet" : "the JIT compilers were still busy");
      }
      System.out.printf("latencies, round %d of %d%s:%n", round, rounds,
          round == 1 ? " (cold, right after ingestion)" : " (steady state)");
      measure("by-name", samples, urls.get(0));
      measure("by-query kind=component limit=100", samples, urls.get(1));
      measure("entities kind=component,spec.lifecycle=production", Math.max(20, samples / 10),
          urls.get(2));
      measure("entity-facets facet=spec.type", samples, urls.get(3));
    }
    System.out.printf("RSS after queries: %d MiB%n", rssKb(p.pid()) / 1024);
    if (idleSeconds > 0) {
      long cpu0 = cpuTicks(p.pid());
      long jit0 = compilerTicks(p.pid());
      Thread.sleep(idleSeconds * 1000L);
      long cpu1 = cpuTicks(p.pid());
      double cpuSeconds = (cpu1 - cpu0) / 100.0;
      // The JIT compilers still working off what the requests above made hot are counted
      // apart: that is the JVM settling, not the catalog's work at rest.
      double jitSeconds = (compilerTicks(p.pid()) - jit0) / 100.0;
      System.out.printf("idle CPU over %d s: %.2f CPU-s (%.1f%% of one core), of which the JIT"
          + " compiler threads %.2f; without them %.1f%% of one core%n",
          idleSeconds, cpuSeconds, 100.0 * cpuSeconds / idleSeconds, jitSeconds,
          100.0 * (cpuSeconds - jitSeconds) / idleSeconds);
    }
  }

  /** The feature version (17, 25, …) of the JVM a command starts, or 0 when it cannot tell. */
  /**
   * Asks run.sh which JVM it would start ({@code javaCommand} when given) and the options it gives
   * that JVM, so the benchmark measures what run.sh runs: {java, options}.
   */
  static String[] runShJvm(String javaCommand) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("bash", "run.sh").redirectErrorStream(true);
    pb.environment().put("TARMAC_PRINT_JVM", "1");
    if (javaCommand != null) {
      pb.environment().put("TARMAC_JAVA", javaCommand);
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("run.sh could not name its JVM (run from the checkout): " + out);
    }
    String[] lines = out.split("\n", -1);
    return new String[] {lines[0].trim(), lines.length > 1 ? lines[1].trim() : ""};
  }

  /**
   * Has run.sh build the jar and train its class-data archive for {@code javaCommand} when either is
   * older than what it comes from, as ./run.sh would before starting: a stale archive is not used,
   * and start-up figures measured without it would not be run.sh's.
   */
  static void prepare(String javaCommand) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("bash", "run.sh").inheritIO();
    pb.environment().put("TARMAC_PREPARE_ONLY", "1");
    pb.environment().put("TARMAC_JAVA", javaCommand);
    if (pb.start().waitFor() != 0) {
      throw new IllegalStateException("run.sh could not build Tarmac or prepare its archive");
    }
  }

  static int featureVersion(String javaCommand) {
    try {
      Process p = new ProcessBuilder(javaCommand, "-XshowSettings:properties", "-version")
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      Matcher m = Pattern.compile("java\\.specification\\.version = (\\d+)").matcher(out);
      return m.find() ? Integer.parseInt(m.group(1)) : 0;
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  interface Url {
    String next();
  }

  static void measure(String name, int n, Url url) throws Exception {
    for (int i = 0; i < Math.min(20, n); i++) {
      fetch(url.next());
    }
    long[] nanos = new long[n];
    long bytes = 0;
    for (int i = 0; i < n; i++) {
      String u = url.next();
      long s = System.nanoTime();
      bytes += fetch(u);
      nanos[i] = System.nanoTime() - s;
    }
    Arrays.sort(nanos);
    System.out.printf("%-52s p50 %7.2f ms  p99 %7.2f ms  (%d requests, %d KiB each)%n", name,
        nanos[n / 2] / 1e6, nanos[(int) Math.min(n - 1, Math.ceil(n * 0.99) - 1)] / 1e6, n,
        bytes / n / 1024);
  }

  /**
   * One GET on a kept-alive connection, read to the end on the calling thread (a blocking client:
   * no hand-off between threads that the two-core machine would add to the figures); returns the
   * body's size.
   */
  static long fetch(String url) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
    int status = c.getResponseCode();
    if (status != 200) {
      throw new IllegalStateException(url + " answered " + status);
    }
    long n = 0;
    try (InputStream in = c.getInputStream()) {
      byte[] buffer = new byte[65536];
      for (int r; (r = in.read(buffer)) > 0; ) {
        n += r;
      }
    }
    return n;
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

  static long rssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  /** CPU ticks of the process's JIT compiler threads (C1 and C2), which may come and go. */
  static long compilerTicks(long pid) throws IOException {
    long ticks = 0;
    try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : tasks.toList()) {
        try {
          if (Files.readString(task.resolve("comm")).trim().matches("C[12] CompilerThre.*")) {
            String stat = Files.readString(task.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
          }
        } catch (IOException e) {
          // the thread ended meanwhile
        }
      }
    }
    return ticks;
  }

  /** Names per kind from a manifest.json (this generator's or gen_catalog.py's). */
  static List<String[]> namesFromManifest(String manifest) {
    List<String[]> out = new ArrayList<>();
    Matcher kinds = Pattern.compile("\"(Component|API|System|Group|User|Resource|Domain)\"\\s*:\\s*\\[([^\\]]*)\\]")
        .matcher(manifest);
    while (kinds.find()) {
      Matcher n = Pattern.compile("\"([^\"]+)\"").matcher(kinds.group(2));
      while (n.find()) {
        out.add(new String[] {kinds.group(1).toLowerCase(), n.group(1)});
      }
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("manifest.json lists no entity names");
    }
    return out;
  }

  static int totalFromManifest(String manifest) {
    return namesFromManifest(manifest).size();
  }

  /** Writes a synthetic catalog with the same kind mix as gen_catalog.py and a manifest.json. */
  static void generate(Path dir, int n, long seed) throws IOException {
    Files.createDirectories(dir);
    Random r = new Random(seed);
    int domains = Math.max(1, n * 2 / 100);
    int systems = Math.max(1, n * 5 / 100);
    int apis = n * 15 / 100;
    int resources = n * 10 / 100;
    int groups = Math.max(1, n * 3 / 100);
    int users = n * 15 / 100;
    int components = n - domains - systems - apis - resources - groups - users;
    String[] lifecycles = {"production", "experimental", "deprecated"};
    String[] types = {"service", "website", "library"};
    StringBuilder manifest = new StringBuilder("{\"names\":{");
    List<String> files = new ArrayList<>();
    int perFile = 500;
    List<String> docs = new ArrayList<>();
    java.util.function.BiConsumer<String, List<String>> names = (kind, list) -> {
      manifest.append(manifest.charAt(manifest.length() - 1) == '{' ? "" : ",")
          .append('"').append(kind).append("\":[");
      for (int i = 0; i < list.size(); i++) {
        manifest.append(i == 0 ? "" : ",").append('"').append(list.get(i)).append('"');
      }
      manifest.append(']');
    };
    List<String> d = range("domain", domains), s = range("system", systems),
        a = range("api", apis), res = range("resource", resources), g = range("group", groups),
        u = range("user", users), c = range("component", components);
    for (String x : d) {
      docs.add(doc("Domain", x, "  owner: group:" + pick(g, r) + "\n"));
    }
    for (String x : s) {
      docs.add(doc("System", x, "  owner: group:" + pick(g, r) + "\n  domain: " + pick(d, r) + "\n"));
    }
    for (String x : g) {
      docs.add(doc("Group", x, "  type: team\n  children: []\n"));
    }
    for (String x : u) {
      docs.add(doc("User", x, "  memberOf: [" + pick(g, r) + "]\n"));
    }
    for (String x : a) {
      docs.add(doc("API", x, "  type: openapi\n  lifecycle: " + lifecycles[r.nextInt(3)]
          + "\n  owner: group:" + pick(g, r) + "\n  system: " + pick(s, r)
          + "\n  definition: |\n    openapi: 3.0.0\n    info: {title: " + x + ", version: 1.0.0}\n"));
    }
    for (String x : res) {
      docs.add(doc("Resource", x, "  type: database\n  owner: group:" + pick(g, r)
          + "\n  system: " + pick(s, r) + "\n"));
    }
    for (String x : c) {
      docs.add(doc("Component", x, "  type: " + types[r.nextInt(3)] + "\n  lifecycle: "
          + lifecycles[r.nextInt(3)] + "\n  owner: group:" + pick(g, r) + "\n  system: "
          + pick(s, r) + "\n  providesApis: [" + pick(a, r) + "]\n  consumesApis: ["
          + pick(a, r) + "]\n  dependsOn: [resource:" + pick(res, r) + "]\n"));
    }
    for (int i = 0; i < docs.size(); i += perFile) {
      String file = "entities-" + (i / perFile) + ".yaml";
      Files.writeString(dir.resolve(file), String.join("---\n",
          docs.subList(i, Math.min(docs.size(), i + perFile))));
      files.add(file);
    }
    StringBuilder root = new StringBuilder("apiVersion: backstage.io/v1alpha1\nkind: Location\n"
        + "metadata:\n  name: bench-root\nspec:\n  targets:\n");
    files.forEach(f -> root.append("    - ./").append(f).append('\n'));
    Files.writeString(dir.resolve("catalog-info.yaml"), root.toString());
    names.accept("Domain", d);
    names.accept("System", s);
    names.accept("Group", g);
    names.accept("User", u);
    names.accept("API", a);
    names.accept("Resource", res);
    names.accept("Component", c);
    manifest.append("}}");
    Files.writeString(dir.resolve("manifest.json"), manifest.toString());
  }

  static List<String> range(String prefix, int n) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(prefix + "-" + i);
    }
    return out;
  }

  static String pick(List<String> list, Random r) {
    return list.isEmpty() ? "none" : list.get(r.nextInt(list.size()));
  }

  static String doc(String kind, String name, String spec) {
    return "apiVersion: backstage.io/v1alpha1\nkind: " + kind + "\nmetadata:\n  name: " + name
        + "\n  description: Synthetic " + kind + " " + name + "\n  tags: [bench]\nspec:\n" + spec;
  }
}
