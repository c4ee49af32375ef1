package dev.tarmac.metrics.git;

import java.util.Map;

/**
 * Where a component's git repository is, from its annotations, in this order: {@code
 * tarmac.dev/git-url} (a clone URL or a local folder), {@code github.com/project-slug} resolved
 * against the configured git base, {@code gitlab.com/project-slug} against https://gitlab.com/, and
 * {@code backstage.io/source-location} ({@code url:https://host/org/repo/tree/main/} becomes {@code
 * https://host/org/repo}).
 */
public final class RepositoryLocations {

  private RepositoryLocations() {}

  /** The clone URL or folder, or null when the annotations name none. */
  public static String of(Map<String, String> annotations, String gitBase) {
    String explicit = annotations.get("tarmac.dev/git-url");
    if (explicit != null && !explicit.isBlank()) {
      return explicit;
    }
    String slug = annotations.get("github.com/project-slug");
    if (slug != null && !slug.isBlank()) {
      return (gitBase.endsWith("/") ? gitBase : gitBase + "/") + slug + ".git";
    }
    String gitlab = annotations.get("gitlab.com/project-slug");
    if (gitlab != null && !gitlab.isBlank()) {
      return "https://gitlab.com/" + gitlab + ".git";
    }
    String source = annotations.get("backstage.io/source-location");
    if (source != null && source.startsWith("url:")) {
      String url = source.substring(4);
      for (String cut : new String[] {"/tree/", "/blob/", "/-/tree/", "/-/blob/"}) {
        int i = url.indexOf(cut);
        if (i > 0) {
          url = url.substring(0, i);
          break;
        }
      }
      return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
    return null;
  }
}
