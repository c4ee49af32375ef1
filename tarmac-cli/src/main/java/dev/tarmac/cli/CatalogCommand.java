package dev.tarmac.cli;

import picocli.CommandLine.Command;

/** {@code tarmac catalog …}: work with catalog files. */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    description = "Work with Backstage catalog files (catalog-info.yaml).",
    subcommands = {ValidateCommand.class})
class CatalogCommand {}
