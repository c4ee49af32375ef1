package dev.tarmac.scaffolder.engine;

import dev.tarmac.sdk.scaffolder.ScaffolderException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** RepoUrlPicker values: {@code host?owner=o&repo=r}. */
final class RepoUrls {

  private RepoUrls() {}

  static Map<String, String> parse(String repoUrl, String step) {
    int q = repoUrl.indexOf('?');
    if (q <= 0) {
      throw new ScaffolderException(step, "repoUrl '" + repoUrl + "' is not host?owner=..&repo=..");
    }
    Map<String, String> out = new LinkedHashMap<>();
    out.put("host", repoUrl.substring(0, q));
    for (String pair : repoUrl.substring(q + 1).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(
            pair.substring(0, eq),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    if (!out.containsKey("repo")) {
      throw new ScaffolderException(step, "repoUrl '" + repoUrl + "' names no repo");
    }
    return out;
  }

  /** A path segment that cannot climb out of its folder. */
  static String safe(String segment, String step) {
    if (!segment.matches("[A-Za-z0-9._-]+") || segment.startsWith(".")) {
      throw new ScaffolderException(
          step, "'" + segment + "' is not a valid owner or repository name");
    }
    return segment;
  }
}
