package dev.tarmac.scaffolder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarmac.catalog.Catalog;
import dev.tarmac.sdk.catalog.EntityRef;
import dev.tarmac.support.Await;
import dev.tarmac.support.TarmacTest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.ObjectNode;

/**
 * The REST golden path's generated repository builds and its tests pass: Maven offline against the
 * local repository cache, as a developer's first {@code mvn verify} would.
 */
@TarmacTest
class GoldenPathBuildIT {

  @Autowired Scaffolder scaffolder;
  @Autowired Catalog catalog;

  @Test
  void theGeneratedRestServiceBuildsOffline() throws Exception {
    Await.until(
        "the golden path template",
        Duration.ofSeconds(60),
        () -> catalog.entity(EntityRef.parse(ScaffolderIT.TEMPLATE)).isPresent());
    String name = "built-" + UUID.randomUUID().toString().substring(0, 6);
    ObjectNode values =
        dev.tarmac.shared.Json.object()
            .put("name", name)
            .put("owner", "group:default/platform")
            .put("javaPackage", "com.example.built")
            .put("repoUrl", "git.tarmac.local?owner=build&repo=" + name);
    String id = scaffolder.startTask(ScaffolderIT.TEMPLATE, values, Map.of(), "user:default/guest");
    Await.until(
        "the task to end",
        Duration.ofSeconds(60),
        () -> !scaffolder.task(id).status().matches("open|processing"));
    assertThat(scaffolder.task(id).status())
        .as(String.valueOf(scaffolder.task(id).error()))
        .isEqualTo("completed");
    Path clone = Path.of("target/it-data/build-clone/" + name).toAbsolutePath();
    Git.cloneRepository()
        .setURI(Path.of("target/it-data/git/build/" + name + ".git").toUri().toString())
        .setDirectory(clone.toFile())
        .call()
        .close();
    File log = clone.resolveSibling(name + "-mvn.log").toFile();
    long start = System.nanoTime();
    Process mvn =
        new ProcessBuilder("mvn", "-o", "-q", "-B", "verify")
            .directory(clone.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log)
            .start();
    assertThat(mvn.waitFor(10, TimeUnit.MINUTES)).isTrue();
    System.out.println(
        "generated REST service: mvn -o -q verify took "
            + (System.nanoTime() - start) / 1_000_000
            + " ms");
    assertThat(mvn.exitValue()).as(Files.readString(log.toPath())).isZero();
    assertThat(clone.resolve("target/" + name + "-0.1.0-SNAPSHOT.jar")).exists();
    assertThat(clone.resolve("target/surefire-reports")).isNotEmptyDirectory();
  }
}
