package dev.tarmac.cli;

import dev.tarmac.sdk.scaffolder.Expressions;
import dev.tarmac.sdk.scaffolder.ScaffolderException;
import dev.tarmac.sdk.scaffolder.TaskRunner;
import dev.tarmac.sdk.scaffolder.TemplateDefinition;
import dev.tarmac.sdk.scaffolder.TemplateStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tarmac template validate}: parses templates and checks their steps name known actions (the
 * server's actions publish:*, catalog:register and catalog:fetch count as known).
 */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check templates.")
class TemplateValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  static final Set<String> SERVER_ACTIONS =
      Set.of(
          "publish:git", "publish:github", "publish:gitlab", "catalog:register", "catalog:fetch");

  @Parameters(arity = "1..*", paramLabel = "TEMPLATE.yaml")
  List<Path> files;

  @Override
  public Integer call() throws Exception {
    Set<String> known =
        new TaskRunner(TaskRunner.builtinActions(), new Expressions()).actions().keySet();
    int bad = 0;
    for (Path file : files) {
      try {
        TemplateDefinition t = TemplateDefinition.fromYaml(Files.readString(file));
        for (TemplateStep s : t.steps()) {
          if (!known.contains(s.action()) && !SERVER_ACTIONS.contains(s.action())) {
            throw new ScaffolderException(
                s.id(), "step '" + s.id() + "' uses unknown action '" + s.action() + "'");
          }
        }
        spec.commandLine()
            .getOut()
            .println(
                file
                    + ": ok ("
                    + t.parameters().size()
                    + " parameter pages, "
                    + t.steps().size()
                    + " steps)");
      } catch (ScaffolderException e) {
        bad++;
        spec.commandLine().getOut().println(file + ": " + e.getMessage());
      }
    }
    spec.commandLine().getOut().flush();
    return bad == 0 ? 0 : 1;
  }
}
