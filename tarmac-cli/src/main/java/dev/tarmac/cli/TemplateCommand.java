package dev.tarmac.cli;

import picocli.CommandLine.Command;

/** {@code tarmac template …}: work with Software Templates. */
@Command(
    name = "template",
    mixinStandardHelpOptions = true,
    description =
        "Validate and dry-run Backstage Software Templates (scaffolder.backstage.io/v1beta3).",
    subcommands = {TemplateDryRunCommand.class, TemplateValidateCommand.class})
class TemplateCommand {}
