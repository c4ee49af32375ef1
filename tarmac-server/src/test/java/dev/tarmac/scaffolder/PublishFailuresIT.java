package dev.tarmac.scaffolder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarmac.scaffolder.engine.ScaffolderEngine;
import dev.tarmac.sdk.scaffolder.LocalFileSource;
import dev.tarmac.sdk.scaffolder.RunListener;
import dev.tarmac.sdk.scaffolder.RunRequest;
import dev.tarmac.sdk.scaffolder.RunResult;
import dev.tarmac.sdk.scaffolder.TemplateDefinition;
import dev.tarmac.sdk.scaffolder.Values;
import dev.tarmac.sdk.scaffolder.Workspace;
import dev.tarmac.support.TarmacTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A push the remote refuses fails the step, names it, and registers nothing. */
@TarmacTest
class PublishFailuresIT {

  @Autowired ScaffolderEngine engine;
  @Autowired dev.tarmac.catalog.Catalog catalog;

  @Test
  void aRefusedPushFailsTheTaskAndNothingIsRegistered() throws Exception {
    Path root = Path.of("target/it-data/refusing-" + UUID.randomUUID()).toAbsolutePath();
    Path remote = root.resolve("remote.git");
    Git.init().setBare(true).setInitialBranch("main").setDirectory(remote.toFile()).call().close();
    Path other = root.resolve("other");
    try (Git git = Git.init().setInitialBranch("main").setDirectory(other.toFile()).call()) {
      Files.writeString(other.resolve("x"), "existing history");
      git.add().addFilepattern(".").call();
      PersonIdent who = new PersonIdent("t", "t@t");
      git.commit().setMessage("existing").setAuthor(who).setCommitter(who).setSign(false).call();
      git.remoteAdd()
          .setName("origin")
          .setUri(new org.eclipse.jgit.transport.URIish(remote.toUri().toString()))
          .call();
      git.push().setRemote("origin").add("main").call();
    }
    String yaml =
        """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata: {name: refused}
        spec:
          steps:
            - id: fetch
              action: fetch:template
              input: {url: ./skeleton, values: {name: refused-svc}}
            - id: publish
              name: Publish
              action: publish:git
              input: {remoteUrl: '%s'}
            - id: register
              action: catalog:register
              input: {repoContentsUrl: "${{ steps.publish.output.repoContentsUrl }}"}
        """
            .formatted(remote.toUri());
    Path work = root.resolve("work");
    Files.createDirectories(work);
    RunResult result =
        engine
            .runner()
            .run(
                new RunRequest(
                    TemplateDefinition.fromYaml(yaml),
                    Values.JSON.createObjectNode(),
                    Map.of(),
                    new Workspace(work),
                    LocalFileSource.of(
                        Map.of(
                            "skeleton/catalog-info.yaml",
                            "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: ${{ values.name }}}\nspec: {type: service, lifecycle: x, owner: me}\n"
                                .getBytes(StandardCharsets.UTF_8))),
                    "t",
                    "user:default/guest",
                    null,
                    "template:default/refused",
                    false,
                    () -> false),
                RunListener.NONE);
    assertThat(result.status()).isEqualTo("failed");
    assertThat(result.error())
        .contains("Step 'publish'")
        .contains("the remote refused the push")
        .contains("REJECTED_NONFASTFORWARD");
    assertThat(result.steps().get(2).status()).isEqualTo("open");
    assertThat(
            catalog.entity(
                new dev.tarmac.sdk.catalog.EntityRef("component", "default", "refused-svc")))
        .isEmpty();
  }
}
