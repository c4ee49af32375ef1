package dev.tarmac.shared;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A file on a host from {@code tarmac.integrations}, named by its web URL ({@code
 * https://github.com/o/r/blob/REF/PATH}, {@code https://gitlab.example.com/g/p/-/blob/REF/PATH}),
 * and the REST API request that reads it with the host's token. The first path segment after {@code
 * blob} is the ref, as Backstage reads these URLs, so branch names with a slash are not supported.
 *
 * @param gitlab whether the host is a GitLab host (else GitHub)
 * @param host the configured host
 * @param project {@code owner/repo} (GitHub) or {@code group/…/project} (GitLab)
 * @param ref the branch, tag or commit
 * @param path the file's path in the repository
 */
record HostedFile(
    boolean gitlab, IntegrationsSettings.Host host, String project, String ref, String path) {

  /** The file a URL names, when it is a blob (or raw) URL on a configured host. */
  static Optional<HostedFile> parse(URI uri, IntegrationsSettings integrations) {
    String authority = uri.getRawAuthority();
    if (authority == null || authority.contains("@") || uri.getPath() == null) {
      return Optional.empty();
    }
    Optional<IntegrationsSettings.Host> github = integrations.githubHost(authority);
    if (github.isPresent()) {
      return github(github.get(), uri.getPath());
    }
    return integrations.gitlabHost(authority).flatMap(h -> gitlab(h, uri.getPath()));
  }

  private static Optional<HostedFile> github(IntegrationsSettings.Host host, String path) {
    List<String> parts = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    if (parts.size() < 5 || !(parts.get(2).equals("blob") || parts.get(2).equals("raw"))) {
      return Optional.empty();
    }
    return Optional.of(
        new HostedFile(
            false,
            host,
            parts.get(0) + "/" + parts.get(1),
            parts.get(3),
            String.join("/", parts.subList(4, parts.size()))));
  }

  private static Optional<HostedFile> gitlab(IntegrationsSettings.Host host, String path) {
    for (String marker : List.of("/-/blob/", "/-/raw/")) {
      int at = path.indexOf(marker);
      if (at < 0) {
        continue;
      }
      String project = strip(path.substring(0, at));
      String rest = path.substring(at + marker.length());
      int slash = rest.indexOf('/');
      String file = slash < 0 ? "" : strip(rest.substring(slash + 1));
      if (project.isEmpty() || slash <= 0 || file.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new HostedFile(true, host, project, rest.substring(0, slash), file));
    }
    return Optional.empty();
  }

  /** GitHub or GitLab, for messages. */
  String provider() {
    return gitlab ? "GitLab" : "GitHub";
  }

  /** The setting that configures the host. */
  String setting() {
    return gitlab ? "tarmac.integrations.gitlab" : "tarmac.integrations.github";
  }

  /**
   * The API request's URL: GitHub's {@code GET /repos/{owner}/{repo}/contents/{path}?ref=},
   * GitLab's {@code GET /projects/{id}/repository/files/{path}/raw?ref=} (project and path
   * URL-encoded).
   */
  URI apiUri() {
    if (gitlab) {
      return URI.create(
          IntegrationsSettings.gitlabApiBase(host)
              + "/projects/"
              + encode(project)
              + "/repository/files/"
              + encode(path)
              + "/raw?ref="
              + encode(ref));
    }
    StringBuilder url =
        new StringBuilder(IntegrationsSettings.githubApiBase(host)).append("/repos");
    for (String part : project.split("/")) {
      url.append('/').append(encode(part));
    }
    url.append("/contents");
    for (String part : path.split("/")) {
      url.append('/').append(encode(part));
    }
    return URI.create(url.append("?ref=").append(encode(ref)).toString());
  }

  /** The request headers besides {@code If-None-Match}: the media type and the token. */
  List<String> headers() {
    List<String> headers =
        gitlab
            ? new java.util.ArrayList<>()
            : new java.util.ArrayList<>(
                List.of(
                    "Accept", "application/vnd.github.raw", "X-GitHub-Api-Version", "2022-11-28"));
    if (host.token() != null && !host.token().isBlank()) {
      headers.add("Authorization");
      headers.add("Bearer " + host.token());
    }
    return headers;
  }

  private static String strip(String s) {
    String out = s;
    while (out.startsWith("/")) {
      out = out.substring(1);
    }
    while (out.endsWith("/")) {
      out = out.substring(0, out.length() - 1);
    }
    return out;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
