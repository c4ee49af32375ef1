package dev.tarmac.cli;

import dev.tarmac.sdk.catalog.EntityDocument;
import dev.tarmac.sdk.catalog.EntityRef;
import dev.tarmac.sdk.catalog.EntityRelations;
import dev.tarmac.sdk.catalog.EntityValidator;
import dev.tarmac.sdk.catalog.EntityYaml;
import dev.tarmac.sdk.catalog.EntityYamlException;
import dev.tarmac.sdk.catalog.PlaceholderStubs;
import dev.tarmac.sdk.catalog.ValidationProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tarmac catalog validate PATH…}: the server's validation, for pre-merge checks. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Validates catalog files with the same engine as the Tarmac server: Backstage's envelope,"
          + " field format and kind schema rules, entity refs in relation fields, relative"
          + " $text/$json/$yaml placeholder files, and entity refs defined twice.",
      "",
      "PATH is a file or a folder; folders are searched recursively for *.yaml and *.yml files."
          + " A document without a 'kind' key is skipped unless its file is named"
          + " catalog-info.yaml (or .yml), so OpenAPI and other YAML files beside the catalog"
          + " files are not reported.",
      "",
      "Prints one line per problem, 'file:line: kind:namespace/name: field: reason', then"
          + " 'N files, M entities, K problems'.",
      "Exit codes: 0 no problems, 1 problems found, 2 usage error."
    })
class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to check.")
  List<Path> paths;

  private PrintWriter out;
  private int problems;

  @Override
  public Integer call() {
    out = spec.commandLine().getOut();
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (!Files.exists(path)) {
        print(path, 1, "-", "-", "no such file or folder");
        continue;
      }
      try {
        files.addAll(CatalogFiles.under(path));
      } catch (IOException e) {
        print(path, 1, "-", "-", "cannot read: " + e.getMessage());
      }
    }
    files = CatalogFiles.distinct(files);
    EntityValidator validator = EntityValidator.standard();
    Map<EntityRef, String> seen = new HashMap<>();
    int entities = 0;
    for (Path file : files) {
      for (EntityDocument doc : read(file)) {
        if (!doc.entity().has("kind") && !CatalogFiles.isCatalogInfo(file)) {
          continue;
        }
        entities++;
        check(file, doc, validator, seen);
      }
    }
    out.println(files.size() + " files, " + entities + " entities, " + problems + " problems");
    out.flush();
    return problems == 0 ? 0 : 1;
  }

  private List<EntityDocument> read(Path file) {
    try {
      return EntityYaml.read(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (EntityYamlException e) {
      print(file, e.line(), "-", "-", "YAML syntax error: " + e.reason());
    } catch (NoSuchFileException e) {
      print(file, 1, "-", "-", "no such file or folder");
    } catch (IOException e) {
      print(file, 1, "-", "-", "cannot read: " + e.getMessage());
    }
    return List.of();
  }

  private void check(
      Path file, EntityDocument doc, EntityValidator validator, Map<EntityRef, String> seen) {
    // Placeholders are substituted before validation; offline, stand-ins of the right shape do.
    List<ValidationProblem> found =
        new ArrayList<>(validator.validate(PlaceholderStubs.stub(doc.entity())));
    found.addAll(PlaceholderFiles.missing(file, doc.entity()));
    if (found.isEmpty()) {
      try {
        EntityRelations.derive(doc.entity());
      } catch (IllegalArgumentException e) {
        found.add(relationProblem(e.getMessage()));
      }
    }
    EntityRef ref = refOf(doc);
    if (ref != null) {
      String where = file + ":" + EntityYaml.lineOf(doc, "metadata.name");
      String first = seen.putIfAbsent(ref, where);
      if (first != null) {
        found.add(new ValidationProblem("metadata.name", "duplicate of " + first));
      }
    }
    for (ValidationProblem p : found) {
      String field = p.field().isEmpty() ? "-" : p.field();
      print(
          file,
          EntityYaml.lineOf(doc, p.field()),
          ref == null ? "-" : ref.toString(),
          field,
          p.message());
    }
  }

  /** EntityRelations names the field first: "spec.dependsOn: Entity reference …". */
  private static ValidationProblem relationProblem(String message) {
    int colon = message.indexOf(": ");
    return colon < 0
        ? new ValidationProblem("spec", message)
        : new ValidationProblem(message.substring(0, colon), message.substring(colon + 2));
  }

  private static EntityRef refOf(EntityDocument doc) {
    try {
      return EntityRef.of(doc.entity());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private void print(Path file, int line, String ref, String field, String reason) {
    out.println(file + ":" + line + ": " + ref + ": " + field + ": " + reason);
    problems++;
  }
}
