package dev.tarmac.scaffolder.engine;

import dev.tarmac.catalog.Catalog;
import dev.tarmac.scaffolder.ScaffolderSettings;
import dev.tarmac.sdk.scaffolder.Action;
import dev.tarmac.sdk.scaffolder.Expressions;
import dev.tarmac.sdk.scaffolder.FileSource;
import dev.tarmac.sdk.scaffolder.TaskRunner;
import dev.tarmac.shared.IntegrationsSettings;
import dev.tarmac.shared.TarmacSettings;
import dev.tarmac.shared.UrlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The SDK's step runner with the workspace actions plus the ones that need the server. */
@Component
public class ScaffolderEngine {

  private final TaskRunner runner;
  private final Path workRoot;
  private final UrlReader reader;

  /** Builds the runner. */
  public ScaffolderEngine(
      Catalog catalog,
      TarmacSettings tarmac,
      ScaffolderSettings settings,
      IntegrationsSettings integrations,
      UrlReader reader) {
    this.reader = reader;
    List<Action> actions = new ArrayList<>(TaskRunner.builtinActions());
    actions.addAll(CatalogActions.all(catalog));
    Path data = tarmac.dataDir().toAbsolutePath().normalize();
    actions.add(PublishGit.action(data.resolve("git"), settings.localGitHost()));
    actions.add(PublishGithub.action(integrations));
    actions.add(PublishGitlab.action(integrations));
    // Tokens from settings never reach a task log, like the task's own secrets.
    this.runner = new TaskRunner(actions, new Expressions(), integrations.tokens());
    this.workRoot = data.resolve("scaffolder").resolve("work");
  }

  /** The runner. */
  public TaskRunner runner() {
    return runner;
  }

  /** The template's files plus single files from allowed hosts. */
  public FileSource files(FileSource local) {
    return new AllowedHostsFileSource(local, reader);
  }

  /** Where task workspaces are created. */
  public Path workRoot() {
    return workRoot;
  }
}
