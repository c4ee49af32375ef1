package dev.tarmac.shared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Git hosts Tarmac talks to through their REST APIs ({@code tarmac.integrations}), like Backstage's
 * {@code integrations} configuration; a host not listed here is never called. Listed hosts may be
 * read from as if they were on {@code tarmac.reading.allow}, and their blob URLs are read through
 * the API with the host's token.
 *
 * @param github GitHub and GitHub Enterprise hosts
 * @param gitlab GitLab hosts
 * @param timeout connect and response timeout for one API request
 */
@ConfigurationProperties("tarmac.integrations")
public record IntegrationsSettings(
    @DefaultValue List<Host> github,
    @DefaultValue List<Host> gitlab,
    @DefaultValue("30s") Duration timeout) {

  /**
   * One host.
   *
   * @param host the host name (optionally {@code host:port}) as RepoUrlPicker values name it
   * @param apiBaseUrl the REST API's base URL; empty means the host's usual one ({@code
   *     https://api.github.com} for github.com, {@code https://HOST/api/v3} for GitHub Enterprise,
   *     {@code https://HOST/api/v4} for GitLab)
   * @param token the API and push token (set it from the environment, e.g. {@code
   *     ${GITHUB_TOKEN}}); a step's {@code token} input takes precedence
   */
  public record Host(String host, String apiBaseUrl, String token) {

    /** Never prints the token. */
    @Override
    public String toString() {
      return "Host[host="
          + host
          + ", apiBaseUrl="
          + apiBaseUrl
          + ", token="
          + (token == null || token.isEmpty() ? "<none>" : "***")
          + "]";
    }
  }

  /** The GitHub host named {@code host}, if configured. */
  public Optional<Host> githubHost(String host) {
    return find(github, host);
  }

  /** The GitLab host named {@code host}, if configured. */
  public Optional<Host> gitlabHost(String host) {
    return find(gitlab, host);
  }

  /** Whether {@code host} (a URL's {@code host[:port]}) is a configured GitHub or GitLab host. */
  public boolean configures(String host) {
    return githubHost(host).isPresent() || gitlabHost(host).isPresent();
  }

  /**
   * A GitHub host's REST API base URL: the configured one, else {@code https://api.github.com} for
   * github.com and {@code https://HOST/api/v3} (GitHub Enterprise) for others.
   */
  public static String githubApiBase(Host host) {
    return base(
        host,
        "github.com".equalsIgnoreCase(host.host())
            ? "https://api.github.com"
            : "https://" + host.host() + "/api/v3");
  }

  /** A GitLab host's REST API base URL: the configured one, else {@code https://HOST/api/v4}. */
  public static String gitlabApiBase(Host host) {
    return base(host, "https://" + host.host() + "/api/v4");
  }

  private static String base(Host host, String usual) {
    String base =
        host.apiBaseUrl() == null || host.apiBaseUrl().isBlank() ? usual : host.apiBaseUrl();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** Every configured token, so that logs can mask them. */
  public List<String> tokens() {
    List<String> out = new ArrayList<>();
    for (Host h : github) {
      out.add(h.token());
    }
    for (Host h : gitlab) {
      out.add(h.token());
    }
    out.removeIf(t -> t == null || t.isEmpty());
    return out;
  }

  private static Optional<Host> find(List<Host> hosts, String host) {
    return hosts.stream()
        .filter(h -> h.host() != null && h.host().equalsIgnoreCase(host))
        .findFirst();
  }
}
