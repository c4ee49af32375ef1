package dev.tarmac.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tarmac} command: Tarmac's engine for CI pipelines, no server needed. */
@Command(
    name = "tarmac",
    mixinStandardHelpOptions = true,
    version = "tarmac 0.1.0",
    description = "Tarmac, the Internal Developer Platform, from the command line.",
    subcommands = {
      CatalogCommand.class,
      TemplateCommand.class,
      DoraCommand.class,
      CommandLine.HelpCommand.class
    })
public class TarmacCli {

  /** Runs the command and exits with its code. */
  public static void main(String[] args) {
    // The schema validator logs through SLF4J; a CLI has no logging backend to warn about.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    System.exit(new CommandLine(new TarmacCli()).execute(args));
  }
}
