package dev.tarmac.sdk.catalog;

import com.networknt.schema.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The kinds Tarmac recognises, each with the apiVersions it accepts and its compiled schema: the
 * catalog's built-in kinds and the scaffolder's v1beta3 Template. Kinds are case-sensitive.
 */
final class EntityKinds {

  private static final Set<String> CATALOG =
      Set.of("backstage.io/v1alpha1", "backstage.io/v1beta1");
  private static final Set<String> SCAFFOLDER = Set.of("scaffolder.backstage.io/v1beta3");

  /** One recognised kind. */
  private record Kind(String name, Set<String> apiVersions, Schema schema) {}

  private final Map<String, Kind> kinds = new LinkedHashMap<>();
  private final Schema entity;
  private final Schema mcpServerApi;

  EntityKinds(EntitySchemas schemas) {
    entity = schemas.compile("Entity.schema.json");
    mcpServerApi = schemas.compile("kinds/API.v1alpha1.mcp-server.schema.json");
    for (String name :
        List.of("API", "Component", "Domain", "Group", "Location", "Resource", "System", "User")) {
      kinds.put(
          name,
          new Kind(name, CATALOG, schemas.compile("kinds/" + name + ".v1alpha1.schema.json")));
    }
    kinds.put(
        "Template",
        new Kind("Template", SCAFFOLDER, schemas.compile("Template.v1beta3.schema.json")));
  }

  /** The schema every entity must pass, whatever its kind. */
  Schema entitySchema() {
    return entity;
  }

  /**
   * The schema of the entity's apiVersion and kind; when they match no kind, adds a problem on
   * {@code kind} and returns null.
   *
   * @param checkApiVersion false when the apiVersion was already reported as malformed or missing
   */
  Schema schemaFor(JsonNode entity, boolean checkApiVersion, List<ValidationProblem> problems) {
    String apiVersion = entity.path("apiVersion").asString("");
    String name = entity.path("kind").asString("");
    Kind kind = kinds.get(name);
    if (kind == null) {
      problems.add(new ValidationProblem("kind", unknownKind(name, apiVersion)));
      return null;
    }
    if (checkApiVersion && !kind.apiVersions().contains(apiVersion)) {
      problems.add(
          new ValidationProblem(
              "kind",
              "Unsupported apiVersion \""
                  + apiVersion
                  + "\" for kind "
                  + name
                  + "; expected "
                  + String.join(" or ", kind.apiVersions().stream().sorted().toList())));
      return null;
    }
    if (name.equals("API") && entity.path("spec").path("type").asString("").equals("mcp-server")) {
      return mcpServerApi;
    }
    return kind.schema();
  }

  private String unknownKind(String name, String apiVersion) {
    for (String known : kinds.keySet()) {
      if (known.equalsIgnoreCase(name)) {
        return "Unknown kind \""
            + name
            + "\"; kinds are case-sensitive, did you mean \""
            + known
            + "\"?";
      }
    }
    String catalogKinds =
        kinds.values().stream()
            .filter(k -> k.apiVersions() == CATALOG)
            .map(Kind::name)
            .collect(Collectors.joining(", "));
    return "Unknown kind \""
        + name
        + "\""
        + (apiVersion.isEmpty() ? "" : " for apiVersion " + apiVersion)
        + "; Tarmac knows "
        + catalogKinds
        + " (backstage.io/v1alpha1, backstage.io/v1beta1) and Template"
        + " (scaffolder.backstage.io/v1beta3)";
  }
}
