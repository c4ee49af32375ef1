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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tarmac catalog validate PATH…}: the server's validation, for pre-merge checks. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Validates catalog files with the same engine as the Tarmac server.",
      "PATH is a file or a folder; folders are searched for *.yaml and *.yml files. A document",
      "without 'kind' is skipped unless the file is named catalog-info.yaml, so API definitions",
      "(OpenAPI, AsyncAPI) beside the catalog files are not reported.",
      "Prints one line per problem, 'file:line: entity: field: reason', and exits 1 on any."
    })
class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to check.")
  List<Path> paths;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    EntityValidator validator = EntityValidator.standard();
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile)
              .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
              .sorted()
              .forEach(files::add);
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        out.println(p + ":1: -: -: no such file or folder");
        out.println("0 files, 0 entities, 1 problems");
        out.flush();
        return 1;
      }
    }
    int entities = 0;
    int problems = 0;
    Map<String, String> seen = new HashMap<>();
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      List<EntityDocument> docs;
      try {
        docs = EntityYaml.read(file.toString(), text);
      } catch (EntityYamlException e) {
        out.println(file + ":" + e.line() + ": -: -: YAML syntax error: " + e.getMessage());
        problems++;
        continue;
      }
      boolean catalogFile = file.getFileName().toString().startsWith("catalog-info.");
      for (EntityDocument doc : docs) {
        if (!doc.entity().has("kind") && !catalogFile) {
          continue;
        }
        entities++;
        String ref = refOf(doc);
        List<ValidationProblem> found =
            new ArrayList<>(validator.validate(PlaceholderStubs.stub(doc.entity())));
        found.addAll(missingPlaceholderFiles(file, doc));
        if (found.isEmpty()) {
          try {
            EntityRelations.derive(doc.entity());
          } catch (IllegalArgumentException e) {
            String field = e.getMessage().substring(0, Math.max(0, e.getMessage().indexOf(':')));
            found.add(new ValidationProblem(field, e.getMessage()));
          }
          String where = file + ":" + doc.line();
          String previous = seen.putIfAbsent(ref, where);
          if (previous != null) {
            found.add(new ValidationProblem("metadata.name", "duplicate of " + previous));
          }
        }
        for (ValidationProblem p : found) {
          int line = EntityYaml.lineOf(text, doc, p.field());
          out.println(file + ":" + line + ": " + ref + ": " + p.field() + ": " + p.message());
          problems++;
        }
      }
    }
    out.println(files.size() + " files, " + entities + " entities, " + problems + " problems");
    out.flush();
    return problems == 0 ? 0 : 1;
  }

  /** Relative placeholders must name a file beside the catalog file; URLs are not fetched. */
  private static List<ValidationProblem> missingPlaceholderFiles(Path file, EntityDocument doc) {
    List<ValidationProblem> out = new ArrayList<>();
    for (PlaceholderStubs.Placeholder p : PlaceholderStubs.find(doc.entity())) {
      if (p.target().contains("://")) {
        continue;
      }
      Path base = file.toAbsolutePath().getParent();
      Path target = base.resolve(p.target()).normalize();
      if (!Files.isRegularFile(target)) {
        out.add(
            new ValidationProblem(
                p.field(),
                "placeholder " + p.kind() + " points at " + p.target() + ", which does not exist"));
      }
    }
    return out;
  }

  private static String refOf(EntityDocument doc) {
    try {
      return EntityRef.of(doc.entity()).toString();
    } catch (IllegalArgumentException e) {
      return "-";
    }
  }
}
