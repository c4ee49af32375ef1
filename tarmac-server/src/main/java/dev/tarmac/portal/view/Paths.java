package dev.tarmac.portal.view;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Portal URLs, in Backstage's scheme so bookmarks carry over. */
public final class Paths {

  private Paths() {}

  /** The page of an entity: {@code /catalog/:namespace/:kind/:name}. */
  public static String entity(String kind, String namespace, String name) {
    return "/catalog/"
        + enc(namespace)
        + "/"
        + enc(kind.toLowerCase(Locale.ROOT))
        + "/"
        + enc(name);
  }

  /** The page of an entity given its ref ({@code kind:namespace/name}, namespace optional). */
  public static String ref(String ref) {
    int colon = ref.indexOf(':');
    int slash = ref.indexOf('/');
    String kind = colon < 0 ? "component" : ref.substring(0, colon);
    String namespace = slash < 0 ? "default" : ref.substring(colon + 1, slash);
    String name = ref.substring(slash < 0 ? colon + 1 : slash + 1);
    return entity(kind, namespace, name);
  }

  /** The short form of a ref: the name, with the namespace when it is not default. */
  public static String label(String ref) {
    int colon = ref.indexOf(':');
    String rest = ref.substring(colon + 1);
    return rest.startsWith("default/") ? rest.substring("default/".length()) : rest;
  }

  /**
   * Whether a URL from an entity or a template's output may be a link: http, https, mailto or a
   * path on this server. Anything else ({@code javascript:}, {@code data:}) is shown as text.
   */
  public static boolean isSafeLink(String url) {
    String u = url == null ? "" : url.strip().toLowerCase(Locale.ROOT);
    return u.startsWith("https://")
        || u.startsWith("http://")
        || u.startsWith("mailto:")
        || (u.startsWith("/") && !u.startsWith("//"));
  }

  /** Encodes one query-string or path value. */
  public static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
