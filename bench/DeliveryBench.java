import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivery-metrics benchmark: starts the packaged Tarmac jar with a catalog of services owned by
 * teams, posts synthetic deployment, change and incident events through the JSON API in batches,
 * and prints the intake rate and the latency of GET /api/delivery/metrics for the whole
 * organisation, one team and one service. Every event falls inside the measured window (the
 * worst case for the metrics query). Run from the repository root after
 * {@code mvn -B -DskipTests package}:
 *
 * <pre>
 * java bench/DeliveryBench.java --events 1000000 --services 200
 * java bench/DeliveryBench.java --events 1000000 --postgres jdbc:postgresql://127.0.0.1:5432/dora?user=postgres
 * java bench/DeliveryBench.java --events 300000 --interleaved   # requests as small as event order makes them
 * </pre>
 */
public class DeliveryBench {

  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
  static final long WINDOW_SECONDS = 12 * 7 * 86400L;

  public static void main(String[] args) throws Exception {
    long events = 1_000_000;
    int services = 200;
    int teams = 20;
    int batch = 1000;
    boolean interleaved = false;
    int clients = 2;
    int samples = 5;
    String postgres = null;
    String jar = "tarmac-server/target/tarmac.jar";
    String jvm = System.getenv().getOrDefault("TARMAC_JAVA_OPTS", "-Xmx1g");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--events" -> events = Long.parseLong(args[++i]);
        case "--services" -> services = Integer.parseInt(args[++i]);
        case "--teams" -> teams = Integer.parseInt(args[++i]);
        case "--batch" -> batch = Integer.parseInt(args[++i]);
        case "--interleaved" -> interleaved = true;
        case "--clients" -> clients = Integer.parseInt(args[++i]);
        case "--samples" -> samples = Integer.parseInt(args[++i]);
        case "--postgres" -> postgres = args[++i];
        case "--jar" -> jar = args[++i];
        case "--jvm" -> jvm = args[++i];
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    if (!Files.exists(Path.of(jar))) {
      throw new IllegalStateException(jar + " not found: run mvn -B -DskipTests package first");
    }
    Path work = Files.createTempDirectory("tarmac-dora-bench");
    Path catalog = work.resolve("catalog-info.yaml");
    StringBuilder yaml = new StringBuilder();
    for (int s = 0; s < services; s++) {
      yaml.append("---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: svc-")
          .append(s).append("\nspec:\n  type: service\n  lifecycle: production\n  owner: team-")
          .append(s % teams).append('\n');
    }
    Files.writeString(catalog, yaml);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> cmd = new ArrayList<>(List.of("java"));
    cmd.addAll(Arrays.asList(jvm.trim().split("\\s+")));
    cmd.addAll(List.of("-jar", jar, "--server.port=" + port, "--server.address=127.0.0.1",
        "--tarmac.demo=false", "--tarmac.data-dir=" + work.resolve("data"),
        "--tarmac.catalog.locations[0].type=file", "--tarmac.catalog.locations[0].target=" + catalog,
        "--logging.level.root=warn"));
    if (postgres != null) {
      cmd.add("--spring.datasource.url=" + postgres);
      cmd.add("--spring.datasource.username=postgres");
      cmd.add("--spring.datasource.password=");
    }
    String base = "http://127.0.0.1:" + port;
    System.out.printf("database: %s; %d events, %d services, %d teams, batches of %d, %d clients%n",
        postgres == null ? "embedded H2" : postgres, events, services, teams, batch, clients);
    // The machine may be shared: the load average puts the figures in context.
    System.out.printf("load average at start: %.2f%n", loadAverage());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(work.resolve("server.log").toFile()).start();
    try {
      while (status(base + "/actuator/health") != 200) {
        check(p, work);
        Thread.sleep(100);
      }
      while (!get(base + "/api/catalog/entities/by-query?limit=0&filter=kind=component")
          .contains("\"totalItems\":" + services)) {
        check(p, work);
        Thread.sleep(200);
      }
      // Per service: 20% deployments (80% production success, 10% failure, 10% staging), 70%
      // changes (each deployment ships the 3-4 changes before it), 10% incidents.
      long perService = events / services;
      List<String> bodies = new ArrayList<>();
      AtomicLong total = new AtomicLong();
      // Daemon threads: a failed post ends the run instead of leaving the clients waiting.
      ExecutorService pool = Executors.newFixedThreadPool(clients, r -> {
        Thread t = new Thread(r);
        t.setDaemon(true);
        return t;
      });
      List<Future<?>> pending = new ArrayList<>();
      long t0 = System.nanoTime();
      String db = postgres == null ? "" : URI.create(postgres.substring(5)).getPath().substring(1);
      double[] cpu0 = {cpuSeconds(p.pid()), cpuSeconds(ProcessHandle.current().pid()),
          postgresCpuSeconds(null), postgresCpuSeconds(db)};
      Random random = new Random(42);
      List<String> current = new ArrayList<>();
      String currentType = null;
      Map<String, List<String>> byType = new LinkedHashMap<>();
      AtomicLong requests = new AtomicLong();
      for (int s = 0; s < services; s++) {
        String svc = "svc-" + s;
        long deployments = perService / 5;
        long changes = perService * 7 / 10;
        long incidents = perService - deployments - changes;
        long gap = WINDOW_SECONDS / (deployments + 1);
        List<String[]> batchOut = new ArrayList<>();
        long c = 0;
        for (long d = 0; d < deployments; d++) {
          Instant finished = FROM.plusSeconds(gap * (d + 1));
          List<String> shas = new ArrayList<>();
          long upTo = Math.min(changes, (d + 1) * changes / deployments);
          for (; c < upTo; c++) {
            String sha = svc + "-c" + c;
            shas.add(sha);
            Instant authored = finished.minusSeconds(600 + random.nextInt(3 * 86400));
            batchOut.add(new String[] {"changes",
                "{\"sha\":\"" + sha + "\",\"service\":\"" + svc + "\",\"authoredAt\":\"" + authored
                    + "\",\"committedAt\":\"" + authored + "\"}"});
          }
          int r = random.nextInt(10);
          String env = r == 9 ? "staging" : "production";
          String status = r == 8 ? "failure" : "success";
          batchOut.add(new String[] {"deployments",
              "{\"id\":\"" + svc + "-d" + d + "\",\"service\":\"" + svc + "\",\"environment\":\"" + env
                  + "\",\"commitShas\":[\"" + String.join("\",\"", shas) + "\"],\"finishedAt\":\""
                  + finished + "\",\"status\":\"" + status + "\"}"});
        }
        for (long i = 0; i < incidents; i++) {
          Instant opened = FROM.plusSeconds((long) (random.nextDouble() * (WINDOW_SECONDS - 86400)));
          String resolved = random.nextInt(10) == 0 ? "" :
              ",\"resolvedAt\":\"" + opened.plusSeconds(60 + random.nextInt(86400)) + "\"";
          batchOut.add(new String[] {"incidents",
              "{\"id\":\"" + svc + "-i" + i + "\",\"service\":\"" + svc + "\",\"openedAt\":\"" + opened
                  + "\"" + resolved + "}"});
        }
        for (String[] e : batchOut) {
          if (interleaved) {
            // Events in the order they happened: a type switch ends the request.
            if (currentType != null && (!currentType.equals(e[0]) || current.size() == batch)) {
              submit(pool, pending, base, currentType, current, total, requests);
              current = new ArrayList<>();
            }
            currentType = e[0];
            current.add(e[1]);
          } else {
            // A client that buffers each type and posts full batches (a deployment may then
            // arrive before its changes; the intake settles either order).
            List<String> buffer = byType.computeIfAbsent(e[0], k -> new ArrayList<>());
            buffer.add(e[1]);
            if (buffer.size() == batch) {
              submit(pool, pending, base, e[0], buffer, total, requests);
              byType.put(e[0], new ArrayList<>());
            }
          }
        }
        // Keep the queue short so generation and posting overlap without holding everything.
        while (pending.size() > clients * 4) {
          pending.remove(0).get();
        }
      }
      for (Map.Entry<String, List<String>> left : byType.entrySet()) {
        if (!left.getValue().isEmpty()) {
          submit(pool, pending, base, left.getKey(), left.getValue(), total, requests);
        }
      }
      if (!current.isEmpty()) {
        submit(pool, pending, base, currentType, current, total, requests);
      }
      for (Future<?> f : pending) {
        f.get();
      }
      pool.shutdown();
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf("intake: %d events in %.1f s = %.0f events/s (load average %.2f)%n",
          total.get(), seconds, total.get() / seconds, loadAverage());
      System.out.printf("requests: %d (%.1f events each, %s)%n", requests.get(),
          (double) total.get() / Math.max(1, requests.get()),
          interleaved ? "in event order, a type switch ends a request" : "batched per type");
      // CPU seconds spent during intake: less dependent on other work on the machine than rates.
      double server = cpuSeconds(p.pid()) - cpu0[0];
      System.out.printf("intake CPU: server %.1f s (%.0f events per CPU-s), bench %.1f s%s%n",
          server, total.get() / server, cpuSeconds(ProcessHandle.current().pid()) - cpu0[1],
          postgres == null ? "" : String.format(
              ", PostgreSQL backends of database %s %.1f s (all postgres processes %.1f s)",
              db, postgresCpuSeconds(db) - cpu0[3], postgresCpuSeconds(null) - cpu0[2]));
      String window = "&from=" + FROM + "&to=" + FROM.plusSeconds(WINDOW_SECONDS);
      for (String scope : List.of("org", "team:team-0", "service:svc-0")) {
        double[] ms = new double[samples];
        String body = "";
        for (int i = 0; i < samples; i++) {
          long t = System.nanoTime();
          body = get(base + "/api/delivery/metrics?scope=" + scope + window);
          ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(
            "metrics %-14s fastest %.0f ms, median %.0f ms, slowest %.0f ms (%d runs, load average %.2f)%n",
            scope, ms[0], ms[samples / 2], ms[samples - 1], samples, loadAverage());
        if (scope.equals("org")) {
          System.out.println("  " + body.substring(0, Math.min(400, body.length())));
        }
      }
    } finally {
      p.destroy();
      p.waitFor();
    }
  }

  static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** User plus system CPU seconds of a process (Linux /proc; NaN elsewhere). */
  static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // Fields 14 and 15 (utime, stime), counted from the state field (3) in clock ticks.
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    } catch (Exception e) {
      return Double.NaN;
    }
  }

  /**
   * CPU seconds of the postgres processes whose title names a database (null: all of them, the
   * WAL writer and checkpointer included, and other users' backends).
   */
  static double postgresCpuSeconds(String database) {
    double sum = 0;
    for (ProcessHandle h : ProcessHandle.allProcesses().toList()) {
      try {
        String comm = Files.readString(Path.of("/proc/" + h.pid() + "/comm")).trim();
        String title = database == null ? ""
            : Files.readString(Path.of("/proc/" + h.pid() + "/cmdline")).replace('\0', ' ');
        if (comm.equals("postgres") && (database == null || title.contains(" " + database + " "))) {
          double c = cpuSeconds(h.pid());
          sum += Double.isNaN(c) ? 0 : c;
        }
      } catch (Exception e) {
        // Gone meanwhile.
      }
    }
    return sum;
  }

  static void submit(ExecutorService pool, List<Future<?>> pending, String base, String type,
      List<String> events, AtomicLong total, AtomicLong requests) {
    String body = "[" + String.join(",", events) + "]";
    int n = events.size();
    pending.add(pool.submit(() -> {
      post(base + "/api/delivery/" + type, body);
      total.addAndGet(n);
      requests.incrementAndGet();
      return null;
    }));
  }

  static void post(String url, String json) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json").timeout(Duration.ofMinutes(5))
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " -> " + r.statusCode() + ": " + r.body());
    }
  }

  static String get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  static int status(String url) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  static void check(Process p, Path work) throws Exception {
    if (!p.isAlive()) {
      throw new IllegalStateException("Tarmac exited; see " + work.resolve("server.log") + ":\n"
          + Files.readString(work.resolve("server.log")));
    }
  }
}
