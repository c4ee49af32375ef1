package dev.tarmac.sdk.catalog;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Validates entities as Backstage does, in its order: the envelope, no foreign root fields, field
 * formats, then the JSON schema of the entity's kind. Thread-safe; build it once.
 */
public final class EntityValidator {

  private static final String BASE = "https://schemas.tarmac.dev/backstage/";
  private static final String ROOT = "dev/tarmac/sdk/catalog/schema/";
  private static final Set<String> ROOT_FIELDS = Set.of("apiVersion", "kind", "metadata", "spec");
  private static final Set<String> CATALOG_VERSIONS =
      Set.of("backstage.io/v1alpha1", "backstage.io/v1beta1");
  private static final Map<String, String> CATALOG_KINDS =
      Map.of(
          "component",
          "Component",
          "api",
          "API",
          "resource",
          "Resource",
          "system",
          "System",
          "domain",
          "Domain",
          "group",
          "Group",
          "user",
          "User",
          "location",
          "Location");
  private static final String[] FILES = {
    "Entity.schema.json",
    "EntityEnvelope.schema.json",
    "EntityMeta.schema.json",
    "shared/common.schema.json",
    "kinds/API.v1alpha1.schema.json",
    "kinds/API.v1alpha1.mcp-server.schema.json",
    "kinds/Component.v1alpha1.schema.json",
    "kinds/Domain.v1alpha1.schema.json",
    "kinds/Group.v1alpha1.schema.json",
    "kinds/Location.v1alpha1.schema.json",
    "kinds/Resource.v1alpha1.schema.json",
    "kinds/System.v1alpha1.schema.json",
    "kinds/User.v1alpha1.schema.json",
    "Template.v1beta3.schema.json"
  };

  private final Map<String, Schema> kindSchemas = new HashMap<>();

  private EntityValidator(Map<String, Schema> schemas) {
    kindSchemas.putAll(schemas);
  }

  /** Loads the bundled Backstage schemas (catalog kinds and the v1beta3 Template). */
  public static EntityValidator standard() {
    Map<String, String> byIri = new HashMap<>();
    Map<String, String> fileToId = new HashMap<>();
    for (String file : FILES) {
      String text = resource(ROOT + file);
      String id =
          tools.jackson.databind.json.JsonMapper.builder()
              .build()
              .readTree(text)
              .path("$id")
              .asString();
      byIri.put(BASE + id, text);
      fileToId.put(file, id);
    }
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, b -> b.schemas(byIri));
    Map<String, Schema> schemas = new HashMap<>();
    for (Map.Entry<String, String> kind :
        Map.of(
                "component", "kinds/Component.v1alpha1.schema.json",
                "api", "kinds/API.v1alpha1.schema.json",
                "api/mcp-server", "kinds/API.v1alpha1.mcp-server.schema.json",
                "resource", "kinds/Resource.v1alpha1.schema.json",
                "system", "kinds/System.v1alpha1.schema.json",
                "domain", "kinds/Domain.v1alpha1.schema.json",
                "group", "kinds/Group.v1alpha1.schema.json",
                "user", "kinds/User.v1alpha1.schema.json",
                "location", "kinds/Location.v1alpha1.schema.json",
                "template", "Template.v1beta3.schema.json")
            .entrySet()) {
      Schema s = registry.getSchema(SchemaLocation.of(BASE + fileToId.get(kind.getValue())));
      s.initializeValidators();
      schemas.put(kind.getKey(), s);
    }
    return new EntityValidator(schemas);
  }

  /** Every problem of the entity; an empty list means it is valid. */
  public List<ValidationProblem> validate(JsonNode entity) {
    List<ValidationProblem> problems = new ArrayList<>();
    if (entity == null || !entity.isObject()) {
      problems.add(new ValidationProblem("", "An entity must be an object"));
      return problems;
    }
    envelope(entity, problems);
    if (!problems.isEmpty()) {
      return problems;
    }
    for (String field : entity.propertyNames()) {
      if (!ROOT_FIELDS.contains(field)) {
        problems.add(new ValidationProblem(field, "Unknown field " + field));
      }
    }
    FieldFormats.check(entity, problems);
    Schema schema = schemaFor(entity, problems);
    if (schema != null) {
      Set<String> flagged = new HashSet<>();
      problems.forEach(p -> flagged.add(p.field()));
      for (Error e : schema.validate(entity)) {
        ValidationProblem p = fromSchema(e);
        if (!flagged.contains(p.field()) && !problems.contains(p) && !isRootUnknown(p)) {
          problems.add(p);
        }
      }
    }
    if (problems.isEmpty() && entity.path("kind").asString().equalsIgnoreCase("location")) {
      JsonNode spec = entity.path("spec");
      if (!spec.path("target").isString() && !spec.path("targets").isArray()) {
        problems.add(
            new ValidationProblem("spec.target", "A Location needs spec.target or spec.targets"));
      }
    }
    return problems;
  }

  private static void envelope(JsonNode entity, List<ValidationProblem> problems) {
    for (String field : new String[] {"apiVersion", "kind"}) {
      JsonNode v = entity.get(field);
      if (v == null || v.isNull()) {
        problems.add(new ValidationProblem(field, "must have required property '" + field + "'"));
      } else if (!v.isString() || v.asString().isEmpty()) {
        problems.add(new ValidationProblem(field, field + " must be a non-empty string"));
      }
    }
    JsonNode metadata = entity.get("metadata");
    if (metadata == null || metadata.isNull()) {
      problems.add(new ValidationProblem("metadata", "must have required property 'metadata'"));
      return;
    }
    if (!metadata.isObject()) {
      problems.add(new ValidationProblem("metadata", "metadata must be an object"));
      return;
    }
    JsonNode name = metadata.get("name");
    if (name == null || name.isNull()) {
      problems.add(new ValidationProblem("metadata.name", "must have required property 'name'"));
    } else if (!name.isString() || name.asString().isEmpty()) {
      problems.add(
          new ValidationProblem("metadata.name", "metadata.name must be a non-empty string"));
    }
    JsonNode ns = metadata.get("namespace");
    if (ns != null && !ns.isNull() && (!ns.isString() || ns.asString().isEmpty())) {
      problems.add(
          new ValidationProblem(
              "metadata.namespace", "metadata.namespace must be a non-empty string"));
    }
  }

  private Schema schemaFor(JsonNode entity, List<ValidationProblem> problems) {
    String apiVersion = entity.path("apiVersion").asString();
    String kind = entity.path("kind").asString().toLowerCase(Locale.ROOT);
    if (kind.equals("template")) {
      if (!apiVersion.equals("scaffolder.backstage.io/v1beta3")) {
        problems.add(
            new ValidationProblem(
                "apiVersion",
                "Template entities need apiVersion"
                    + " scaffolder.backstage.io/v1beta3, got "
                    + apiVersion));
        return null;
      }
      return kindSchemas.get("template");
    }
    if (!CATALOG_KINDS.containsKey(kind)) {
      problems.add(
          new ValidationProblem(
              "kind",
              "Unknown kind "
                  + entity.path("kind").asString()
                  + "; Tarmac knows "
                  + String.join(", ", CATALOG_KINDS.values())
                  + " and Template"));
      return null;
    }
    if (!CATALOG_VERSIONS.contains(apiVersion)) {
      problems.add(
          new ValidationProblem(
              "apiVersion",
              "Unsupported apiVersion "
                  + apiVersion
                  + " for kind "
                  + CATALOG_KINDS.get(kind)
                  + "; use backstage.io/v1alpha1 or backstage.io/v1beta1"));
      return null;
    }
    if (kind.equals("api") && entity.path("spec").path("type").asString("").equals("mcp-server")) {
      return kindSchemas.get("api/mcp-server");
    }
    return kindSchemas.get(kind);
  }

  private static boolean isRootUnknown(ValidationProblem p) {
    return !p.field().contains(".") && !ROOT_FIELDS.contains(p.field()) && !p.field().isEmpty();
  }

  private static ValidationProblem fromSchema(Error e) {
    String path = e.getInstanceLocation().toString();
    String field = path.replaceFirst("^\\$\\.?", "").replace("[", ".").replace("]", "");
    if (field.startsWith("/")) {
      field = field.substring(1).replace('/', '.');
    }
    String message = e.getMessage();
    String prefix = path + ": ";
    if (message.startsWith(prefix)) {
      message = message.substring(prefix.length());
    }
    if ("required".equals(e.getKeyword()) && e.getProperty() != null) {
      field = field.isEmpty() ? e.getProperty() : field + "." + e.getProperty();
      message = "must have required property '" + e.getProperty() + "'";
    }
    if ("additionalProperties".equals(e.getKeyword()) && e.getProperty() != null) {
      field = field.isEmpty() ? e.getProperty() : field + "." + e.getProperty();
      message = "Unknown field " + e.getProperty();
    }
    return new ValidationProblem(field, message);
  }

  private static String resource(String path) {
    try (InputStream in = EntityValidator.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing bundled schema " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
