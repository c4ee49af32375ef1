package dev.tarmac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarmac.support.Api;
import dev.tarmac.support.Await;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as the README starts it: it comes up in Spring's AOT mode (bean definitions
 * generated at build time) and serves the demo organisation.
 */
class PackagedJarIT {

  private static final Path JAR = Path.of("target/tarmac.jar");
  @TempDir Path work;
  private Process server;

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null) {
      server.destroy();
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  @Test
  void startsAheadOfTimeProcessedAndServesTheDemoOrganisation() throws Exception {
    assertThat(JAR).as("mvn package builds the jar before integration tests").exists();
    Path log = work.resolve("server.log");
    int port = freePort();
    server = start(log, port, List.of());
    Api api = new Api(port);
    Await.until("the jar to report healthy", Duration.ofSeconds(120), () -> healthy(api));
    Await.until(
        "the demo organisation to be visible",
        Duration.ofSeconds(60),
        () ->
            api.get("/api/catalog/entities/by-query?limit=0").json().path("totalItems").asLong()
                == 132);
    assertThat(Files.readString(log)).contains("Starting AOT-processed TarmacApplication");
    assertThat(
            api.get("/api/catalog/entities/by-name/group/default/northwind")
                .json()
                .path("kind")
                .asString())
        .isEqualTo("Group");
  }

  @Test
  void startsAsUsualWhenAotModeIsTurnedOff() throws Exception {
    Path log = work.resolve("server.log");
    int port = freePort();
    server = start(log, port, List.of("-Dspring.aot.enabled=false"));
    Api api = new Api(port);
    Await.until("the jar to report healthy", Duration.ofSeconds(120), () -> healthy(api));
    String text = Files.readString(log);
    assertThat(text).contains("Starting TarmacApplication").doesNotContain("AOT-processed");
  }

  @Test
  void classesRunFromAFolderStartAsUsual() {
    // The tests run from target/classes, which may hold generated classes of an earlier build.
    assertThat(TarmacApplication.packagedWithAotArtifacts()).isFalse();
  }

  private Process start(Path log, int port, List<String> jvmOptions) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx256m"));
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-jar",
            JAR.toString(),
            "--server.port=" + port,
            "--server.address=127.0.0.1",
            "--tarmac.data-dir=" + work.resolve("data")));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private boolean healthy(Api api) {
    if (!server.isAlive()) {
      throw new AssertionError("the jar exited with " + server.exitValue());
    }
    try {
      return api.get("/actuator/health").status() == 200;
    } catch (IllegalStateException notYetListening) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
