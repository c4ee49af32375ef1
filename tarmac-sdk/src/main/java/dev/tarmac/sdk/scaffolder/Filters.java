package dev.tarmac.sdk.scaffolder;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import dev.tarmac.sdk.catalog.EntityRef;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Backstage's custom template filters and the Nunjucks ones Jinjava lacks. */
final class Filters {

  private Filters() {}

  static List<Filter> all() {
    return List.of(
        filter("parseRepoUrl", (v, args) -> parseRepoUrl(str(v))),
        filter("projectSlug", (v, args) -> projectSlug(str(v))),
        filter("parseEntityRef", Filters::parseEntityRef),
        filter(
            "pick",
            (v, args) -> v instanceof Map<?, ?> m && args.length > 0 ? m.get(args[0]) : null),
        filter("dump", (v, args) -> Values.tree(v).toString()));
  }

  /**
   * {@code github.com?owner=o&repo=r} as {host, owner, repo, organization?, workspace?, project?}.
   */
  static Map<String, Object> parseRepoUrl(String repoUrl) {
    URI uri;
    try {
      uri = URI.create("https://" + repoUrl);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid repo URL passed to parser, got " + repoUrl);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException(
          "Invalid repo URL passed to parser, missing host, got " + repoUrl);
    }
    out.put("host", host);
    String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(
            pair.substring(0, eq),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    if (!out.containsKey("repo")) {
      throw new IllegalArgumentException(
          "Invalid repo URL passed to parser, missing repo, got " + repoUrl);
    }
    return out;
  }

  static String projectSlug(String repoUrl) {
    Map<String, Object> parts = parseRepoUrl(repoUrl);
    Object owner = parts.containsKey("owner") ? parts.get("owner") : parts.get("workspace");
    return owner + "/" + parts.get("repo");
  }

  private static Object parseEntityRef(Object value, Object[] args) {
    String defaultKind = null;
    String defaultNamespace = null;
    if (args.length > 0 && args[0] instanceof Map<?, ?> m) {
      defaultKind = m.get("defaultKind") == null ? null : m.get("defaultKind").toString();
      defaultNamespace =
          m.get("defaultNamespace") == null ? null : m.get("defaultNamespace").toString();
    }
    EntityRef ref = EntityRef.parse(str(value), defaultKind, defaultNamespace);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", ref.kind());
    out.put("namespace", ref.namespace());
    out.put("name", ref.name());
    return out;
  }

  private static String str(Object v) {
    return v == null ? "" : v.toString();
  }

  private static Filter filter(String name, BiFunction<Object, Object[], Object> body) {
    return new Filter() {
      @Override
      public String getName() {
        return name;
      }

      @Override
      public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        return body.apply(var, args);
      }

      @Override
      public Object filter(
          Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        return body.apply(var, args);
      }
    };
  }
}
