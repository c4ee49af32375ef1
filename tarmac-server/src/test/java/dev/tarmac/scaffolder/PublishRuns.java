package dev.tarmac.scaffolder;

import dev.tarmac.catalog.Catalog;
import dev.tarmac.scaffolder.engine.ScaffolderEngine;
import dev.tarmac.sdk.scaffolder.LocalFileSource;
import dev.tarmac.sdk.scaffolder.RunListener;
import dev.tarmac.sdk.scaffolder.RunRequest;
import dev.tarmac.sdk.scaffolder.RunResult;
import dev.tarmac.sdk.scaffolder.TemplateDefinition;
import dev.tarmac.sdk.scaffolder.Values;
import dev.tarmac.sdk.scaffolder.Workspace;
import dev.tarmac.shared.IntegrationsSettings;
import dev.tarmac.shared.TarmacSettings;
import dev.tarmac.shared.UrlReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs templates through the server's engine built with test integration settings, recording the
 * log exactly as a task's event log receives it (after masking).
 */
final class PublishRuns {

  /**
   * A run's outcome.
   *
   * @param result the runner's result
   * @param log every log line and step status, in order
   */
  record Run(RunResult result, List<String> log) {
    String text() {
      return String.join("\n", log) + "\n" + result.error();
    }
  }

  /** A small skeleton: a README and a catalog-info.yaml rendered with {@code values.name}. */
  static final Map<String, byte[]> SKELETON =
      Map.of(
          "skeleton/README.md",
          "# ${{ values.name }}\n\nOwned by ${{ values.owner }}.\n"
              .getBytes(StandardCharsets.UTF_8),
          "skeleton/catalog-info.yaml",
          ("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: ${{ values.name }}}\n"
                  + "spec: {type: service, lifecycle: experimental, owner: ${{ values.owner }}}\n")
              .getBytes(StandardCharsets.UTF_8));

  private final ScaffolderEngine engine;

  PublishRuns(
      Catalog catalog,
      TarmacSettings tarmac,
      ScaffolderSettings settings,
      UrlReader reader,
      IntegrationsSettings integrations) {
    this.engine = new ScaffolderEngine(catalog, tarmac, settings, integrations, reader);
  }

  ScaffolderEngine engine() {
    return engine;
  }

  Run run(String yaml, boolean dryRun, Map<String, String> secrets) throws Exception {
    Path work = Path.of("target/it-data/publish-" + UUID.randomUUID()).toAbsolutePath();
    Files.createDirectories(work);
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    RunResult result =
        engine
            .runner()
            .run(
                new RunRequest(
                    TemplateDefinition.fromYaml(yaml),
                    Values.JSON.createObjectNode(),
                    secrets,
                    new Workspace(work),
                    LocalFileSource.of(SKELETON),
                    "t-" + UUID.randomUUID(),
                    "user:default/guest",
                    null,
                    "template:default/publish",
                    dryRun,
                    () -> false),
                new RunListener() {
                  @Override
                  public void log(String stepId, String message) {
                    log.add((stepId == null ? "" : stepId + ": ") + message);
                  }

                  @Override
                  public void step(String stepId, String status) {
                    log.add(stepId + " -> " + status);
                  }
                });
    return new Run(result, List.copyOf(log));
  }
}
