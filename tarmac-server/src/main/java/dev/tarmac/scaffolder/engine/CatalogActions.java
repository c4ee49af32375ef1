package dev.tarmac.scaffolder.engine;

import dev.tarmac.catalog.Catalog;
import dev.tarmac.catalog.LocationAnalysis;
import dev.tarmac.sdk.catalog.EntityRef;
import dev.tarmac.sdk.scaffolder.ActionContext;
import dev.tarmac.sdk.scaffolder.ActionExample;
import dev.tarmac.sdk.scaffolder.ScaffolderException;
import dev.tarmac.sdk.scaffolder.actions.SimpleAction;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** {@code catalog:register} and {@code catalog:fetch}, through the catalog's facade. */
final class CatalogActions {

  private CatalogActions() {}

  static List<SimpleAction> all(Catalog catalog) {
    return List.of(
        new SimpleAction(
            "catalog:register",
            "Registers a catalog-info.yaml (by URL or git contents URL) with the catalog.",
            """
            {"type":"object","properties":{
              "catalogInfoUrl":{"type":"string"},"repoContentsUrl":{"type":"string"},
              "catalogInfoPath":{"type":"string","default":"/catalog-info.yaml"},
              "optional":{"type":"boolean"}}}""",
            """
            {"type":"object","properties":{"entityRef":{"type":"string"},"catalogInfoUrl":{"type":"string"}}}""",
            List.of(
                new ActionExample(
                    "Register what publish:git pushed",
                    "action: catalog:register\ninput:\n  repoContentsUrl: ${{ steps['publish'].output.repoContentsUrl }}\n  catalogInfoPath: /catalog-info.yaml\n")),
            ctx -> register(ctx, catalog)),
        new SimpleAction(
            "catalog:fetch",
            "Fetches entities from the catalog by ref.",
            """
            {"type":"object","properties":{
              "entityRef":{"type":"string"},"entityRefs":{"type":"array","items":{"type":"string"}},
              "optional":{"type":"boolean"},"defaultKind":{"type":"string"},"defaultNamespace":{"type":"string"}}}""",
            """
            {"type":"object","properties":{"entity":{"type":"object"},"entities":{"type":"array"}}}""",
            List.of(
                new ActionExample(
                    "Fetch the owner",
                    "action: catalog:fetch\ninput:\n  entityRef: group:default/team-a\n")),
            ctx -> fetch(ctx, catalog)));
  }

  private static void register(ActionContext ctx, Catalog catalog) {
    String url = ctx.string("catalogInfoUrl", null);
    String type;
    String target;
    if (url != null) {
      type = "url";
      target = url;
    } else {
      String contents = ctx.string("repoContentsUrl", null);
      if (contents == null) {
        throw new ScaffolderException(
            ctx.stepId(), "catalog:register needs catalogInfoUrl or repoContentsUrl");
      }
      String path = ctx.string("catalogInfoPath", "/catalog-info.yaml").replaceFirst("^/+", "");
      if (contents.contains("#")) {
        type = "git";
        target = contents + ":" + path;
      } else {
        type = "url";
        target = contents.replaceAll("/+$", "") + "/" + path;
      }
    }
    if (ctx.dryRun()) {
      ctx.log("Dry run: would register " + type + " location " + target);
      ctx.output("catalogInfoUrl", target);
      return;
    }
    try {
      LocationAnalysis analysis = catalog.analyzeLocation(type, target);
      if (!analysis.errors().isEmpty()) {
        throw new ScaffolderException(
            ctx.stepId(), "cannot register " + target + ": " + analysis.errors().get(0));
      }
      catalog.registerLocation(type, target);
      ctx.output("catalogInfoUrl", target);
      analysis.entities().stream()
          .filter(e -> !"Location".equals(e.path("kind").asString("")))
          .findFirst()
          .ifPresent(e -> ctx.output("entityRef", ref(e)));
      ctx.log("Registered " + type + " location " + target);
    } catch (RuntimeException e) {
      if (ctx.input().path("optional").asBoolean(false)) {
        ctx.log("Could not register " + target + " (optional): " + e.getMessage());
        return;
      }
      throw e instanceof ScaffolderException
          ? e
          : new ScaffolderException(
              ctx.stepId(), "cannot register " + target + ": " + e.getMessage(), e);
    }
  }

  private static void fetch(ActionContext ctx, Catalog catalog) {
    String kind = ctx.string("defaultKind", null);
    String ns = ctx.string("defaultNamespace", null);
    boolean optional = ctx.input().path("optional").asBoolean(false);
    if (ctx.input().has("entityRef")) {
      Optional<JsonNode> e = catalog.entity(EntityRef.parse(ctx.string("entityRef", ""), kind, ns));
      if (e.isEmpty() && !optional) {
        throw new ScaffolderException(
            ctx.stepId(), "entity " + ctx.string("entityRef", "") + " not found");
      }
      e.ifPresent(entity -> ctx.output("entity", entity));
    }
    if (ctx.input().has("entityRefs")) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (JsonNode r : ctx.input().get("entityRefs")) {
        Optional<JsonNode> e = catalog.entity(EntityRef.parse(r.asString(), kind, ns));
        if (e.isEmpty() && !optional) {
          throw new ScaffolderException(ctx.stepId(), "entity " + r.asString() + " not found");
        }
        out.add(e.orElse(JsonNodeFactory.instance.nullNode()));
      }
      ctx.output("entities", out);
    }
  }

  static String ref(JsonNode entity) {
    return entity.path("kind").asString("").toLowerCase()
        + ":"
        + entity.path("metadata").path("namespace").asString("default")
        + "/"
        + entity.path("metadata").path("name").asString("");
  }
}
