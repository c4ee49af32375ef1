package dev.tarmac.sdk.catalog;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Validates entities with Backstage's rules, in its order: the envelope, no foreign root fields,
 * field formats, the entity schema, then the schema of the entity's kind. Reports every problem, a
 * field once. Thread-safe; the schemas are compiled once per JVM.
 */
public final class EntityValidator {

  private final EntityKinds kinds;

  private EntityValidator(EntityKinds kinds) {
    this.kinds = kinds;
  }

  /** The validator of Backstage's built-in kinds and the v1beta3 Template, shared. */
  public static EntityValidator standard() {
    return Standard.INSTANCE;
  }

  /** Every problem of the entity, in pipeline order; an empty list means it is valid. */
  public List<ValidationProblem> validate(JsonNode entity) {
    List<ValidationProblem> problems = new ArrayList<>();
    if (entity == null || !entity.isObject()) {
      problems.add(new ValidationProblem("", "An entity must be an object"));
      return problems;
    }
    EnvelopeRules.check(entity, problems);
    Set<String> flagged = new HashSet<>();
    problems.forEach(p -> flagged.add(p.field()));
    int envelopeProblems = problems.size();
    FieldFormats.check(entity, problems);
    // Field formats name some metadata fields as Backstage does ("tags.0"); the schema does not.
    problems
        .subList(envelopeProblems, problems.size())
        .forEach(p -> flagged.add(FieldFormats.schemaPath(p.field())));
    Schema schema = null;
    if (!flagged.contains("kind")) {
      // A kind schema also rejects a bad apiVersion, but that field is reported already.
      schema = kinds.schemaFor(entity, !flagged.contains("apiVersion"), problems);
    }
    // The kind schemas include the entity schema; without a kind, check the entity schema alone.
    // One problem per field: the first (e.g. of a oneOf, not also each alternative's).
    Set<String> schemaFields = new HashSet<>();
    for (Error error : (schema == null ? kinds.entitySchema() : schema).validate(entity)) {
      ValidationProblem p = SchemaErrors.toProblem(error);
      if (!covered(flagged, p.field()) && schemaFields.add(p.field())) {
        problems.add(p);
      }
    }
    if ("Location".equals(entity.path("kind").asString(""))) {
      JsonNode spec = entity.path("spec");
      if (spec.isObject() && !spec.has("target") && !spec.has("targets")) {
        problems.add(
            new ValidationProblem("spec.target", "must have either spec.target or spec.targets"));
      }
    }
    return problems;
  }

  /** Whether a schema error's field was already reported by the envelope or a format rule. */
  private static boolean covered(Set<String> flagged, String field) {
    for (String f = field; ; f = f.substring(0, f.lastIndexOf('.'))) {
      if (flagged.contains(f)) {
        return true;
      }
      if (f.lastIndexOf('.') < 0) {
        return false;
      }
    }
  }

  /** Compiles the bundled schemas on first use. */
  private static final class Standard {
    static final EntityValidator INSTANCE =
        new EntityValidator(new EntityKinds(EntitySchemas.load()));
  }
}
