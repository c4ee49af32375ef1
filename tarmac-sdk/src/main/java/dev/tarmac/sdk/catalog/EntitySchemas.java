package dev.tarmac.sdk.catalog;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backstage's JSON schemas, bundled as resources and compiled once. They refer to each other by
 * their {@code $id} ("Entity", "common#relation"), so all are registered under those ids.
 */
final class EntitySchemas {

  private static final String FOLDER = "dev/tarmac/sdk/catalog/schema/";

  /** The relative ids of Backstage's schemas resolve against this made-up base. */
  private static final String BASE = "https://schemas.tarmac.dev/backstage/";

  private static final List<String> FILES =
      List.of(
          "EntityEnvelope.schema.json",
          "Entity.schema.json",
          "EntityMeta.schema.json",
          "shared/common.schema.json",
          "kinds/API.v1alpha1.schema.json",
          "kinds/API.v1alpha1.mcp-server.schema.json",
          "kinds/AiResource.v1alpha1.schema.json",
          "kinds/AiResource.v1alpha1.marketplace.schema.json",
          "kinds/AiResource.v1alpha1.plugin.schema.json",
          "kinds/AiResource.v1alpha1.rule.schema.json",
          "kinds/AiResource.v1alpha1.skill.schema.json",
          "kinds/Component.v1alpha1.schema.json",
          "kinds/Domain.v1alpha1.schema.json",
          "kinds/Group.v1alpha1.schema.json",
          "kinds/Location.v1alpha1.schema.json",
          "kinds/Resource.v1alpha1.schema.json",
          "kinds/System.v1alpha1.schema.json",
          "kinds/User.v1alpha1.schema.json",
          "Template.v1beta3.schema.json");

  private final SchemaRegistry registry;
  private final Map<String, String> idByFile = new HashMap<>();

  private EntitySchemas() {
    JsonMapper json = JsonMapper.builder().build();
    Map<String, String> byIri = new HashMap<>();
    for (String file : FILES) {
      String text = resource(FOLDER + file);
      String id = json.readTree(text).path("$id").asString();
      byIri.put(BASE + id, text);
      idByFile.put(file, id);
    }
    // Locale.ROOT: the validator's own messages stay English whatever the JVM's locale is.
    SchemaRegistryConfig config = SchemaRegistryConfig.builder().locale(Locale.ROOT).build();
    registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_7, b -> b.schemas(byIri).schemaRegistryConfig(config));
  }

  /** Loads the registry; compile schemas with {@link #compile}. */
  static EntitySchemas load() {
    return new EntitySchemas();
  }

  /** The compiled schema of a bundled file, e.g. {@code kinds/Component.v1alpha1.schema.json}. */
  Schema compile(String file) {
    String id = idByFile.get(file);
    if (id == null) {
      throw new IllegalArgumentException("No bundled schema " + file);
    }
    Schema schema = registry.getSchema(SchemaLocation.of(BASE + id));
    schema.initializeValidators();
    return schema;
  }

  private static String resource(String path) {
    try (InputStream in = EntitySchemas.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing bundled schema " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
