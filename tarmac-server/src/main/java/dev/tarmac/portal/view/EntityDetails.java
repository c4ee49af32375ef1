package dev.tarmac.portal.view;

import dev.tarmac.portal.highlight.HighlightedCode;
import dev.tarmac.portal.highlight.Highlighter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Everything the entity page shows about one entity.
 *
 * @param summary name, kind, owner and the other headline fields
 * @param owned whether entities of its kind have an owner (not a person, team or location)
 * @param system the system it is part of, or empty
 * @param links the entity's links
 * @param facts meaningful annotations in plain words (source, docs, CI, on-call), label to value
 * @param relations related entity refs by relation type, in a stable order
 * @param problems processing errors in plain words, with what to do
 * @param orphan whether no location emits the entity any more
 * @param yaml the entity as YAML, highlighted
 * @param api the API definition, when the entity is an API
 */
public record EntityDetails(
    EntitySummary summary,
    boolean owned,
    String system,
    List<Link> links,
    List<Fact> facts,
    Map<String, List<String>> relations,
    List<String> problems,
    boolean orphan,
    HighlightedCode yaml,
    ApiDefinition api) {

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Map<String, String> FACTS = new LinkedHashMap<>();
  private static final Set<String> OWNED =
      Set.of("component", "api", "resource", "system", "domain", "template");

  static {
    FACTS.put("backstage.io/source-location", "Source");
    FACTS.put("backstage.io/managed-by-location", "Defined in");
    FACTS.put("backstage.io/techdocs-ref", "Docs");
    FACTS.put("github.com/project-slug", "GitHub repository");
    FACTS.put("gitlab.com/project-slug", "GitLab project");
    FACTS.put("github.com/workflows", "CI workflows");
    FACTS.put("jenkins.io/job-full-name", "Jenkins job");
    FACTS.put("pagerduty.com/service-id", "PagerDuty service");
    FACTS.put("opsgenie.com/component-selector", "Opsgenie");
    FACTS.put("sonarqube.org/project-key", "SonarQube project");
    FACTS.put("backstage.io/view-url", "View source");
  }

  /**
   * A link.
   *
   * @param url where it goes
   * @param title what to call it
   */
  public record Link(String url, String title) {

    /** The URL when a browser may follow it (http, https, mailto, a path here), else null. */
    public String href() {
      return Paths.isSafeLink(url) ? url : null;
    }
  }

  /**
   * One meaningful annotation.
   *
   * @param label what it means
   * @param value its value
   * @param url a link when the value is one
   */
  public record Fact(String label, String value, String url) {}

  /** Reads the details of a final entity. */
  public static EntityDetails of(JsonNode e) {
    JsonNode meta = e.path("metadata");
    List<Link> links = new ArrayList<>();
    for (JsonNode l : meta.path("links")) {
      String url = l.path("url").asString("");
      links.add(new Link(url, l.path("title").asString(url)));
    }
    List<Fact> facts = new ArrayList<>();
    // A person's or team's address, as Backstage's profile cards show it.
    String email = e.path("spec").path("profile").path("email").asString("");
    if (!email.isBlank()) {
      facts.add(new Fact("Email", email, "mailto:" + email));
    }
    // What a Location reads: its type and target, or each of its targets (relative to its file).
    JsonNode spec = e.path("spec");
    if ("location".equalsIgnoreCase(e.path("kind").asString(""))) {
      String type = spec.path("type").asString("");
      if (spec.path("target").isString()) {
        facts.add(target(type, spec.get("target").asString()));
      }
      spec.path("targets").forEach(t -> facts.add(target(type, t.asString(""))));
    }
    JsonNode annotations = meta.path("annotations");
    FACTS.forEach(
        (key, label) -> {
          String v = annotations.path(key).asString(null);
          if (v != null) {
            String raw = v.startsWith("url:") ? v.substring(4) : v;
            String url = raw.startsWith("http://") || raw.startsWith("https://") ? raw : null;
            // A linked location reads as the address it opens, without the "url:" type prefix.
            facts.add(new Fact(label, url == null ? v : raw, url));
          }
        });
    Map<String, List<String>> relations = new LinkedHashMap<>();
    for (JsonNode r : e.path("relations")) {
      relations
          .computeIfAbsent(r.path("type").asString(""), k -> new ArrayList<>())
          .add(r.path("targetRef").asString(""));
    }
    String system =
        relations.getOrDefault("partOf", List.of()).stream()
            .filter(ref -> ref.startsWith("system:"))
            .findFirst()
            .orElse("");
    boolean orphan = "true".equals(annotations.path("backstage.io/orphan").asString(""));
    String kind = e.path("kind").asString("").toLowerCase(Locale.ROOT);
    return new EntityDetails(
        EntitySummary.of(e),
        OWNED.contains(kind),
        system,
        links,
        facts,
        relations,
        problems(e),
        orphan,
        yaml(e),
        ApiDefinition.of(e));
  }

  private static Fact target(String type, String target) {
    boolean web = target.startsWith("http://") || target.startsWith("https://");
    return new Fact("Target", type.isEmpty() ? target : type + ":" + target, web ? target : null);
  }

  private static List<String> problems(JsonNode e) {
    List<String> out = new ArrayList<>();
    for (JsonNode item : e.path("status").path("items")) {
      JsonNode error = item.path("error");
      if (!error.isMissingNode()) {
        out.add(error.path("name").asString("Error") + ": " + error.path("message").asString(""));
      }
    }
    return out;
  }

  private static HighlightedCode yaml(JsonNode e) {
    return Highlighter.highlight("yaml", YAML.writeValueAsString(e));
  }
}
