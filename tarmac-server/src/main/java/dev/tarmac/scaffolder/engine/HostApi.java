package dev.tarmac.scaffolder.engine;

import dev.tarmac.sdk.scaffolder.ScaffolderException;
import dev.tarmac.shared.IntegrationsSettings;
import dev.tarmac.shared.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** JSON requests to one git host's REST API, authorised with a bearer token. */
final class HostApi {

  /**
   * An answer.
   *
   * @param status the HTTP status
   * @param body the JSON body, or an empty object when there was none or it was not JSON
   */
  record Reply(int status, JsonNode body) {

    boolean ok() {
      return status >= 200 && status < 300;
    }

    /**
     * The host's own words: GitHub's {@code message} and {@code errors[].message}, GitLab's {@code
     * message} (a string or {field: [problems]}) or {@code error}.
     */
    String message() {
      List<String> parts = new ArrayList<>();
      JsonNode m = body.path("message");
      if (m.isString()) {
        parts.add(m.asString());
      } else if (m.isObject()) {
        for (Map.Entry<String, JsonNode> e : m.properties()) {
          List<String> problems = new ArrayList<>();
          e.getValue().forEach(p -> problems.add(p.asString()));
          parts.add(e.getKey() + " " + String.join(", ", problems));
        }
      }
      body.path("errors")
          .forEach(e -> parts.add(e.isString() ? e.asString() : e.path("message").asString("")));
      if (body.path("error").isString()) {
        parts.add(body.path("error").asString());
      }
      parts.removeIf(String::isBlank);
      return parts.isEmpty() ? "no message" : String.join("; ", parts);
    }
  }

  private final HttpClient http;
  private final String base;
  private final String token;
  private final Duration timeout;
  private final String step;
  private final String[] extraHeaders;

  HostApi(String base, String token, Duration timeout, String step, String... extraHeaders) {
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.token = token;
    this.timeout = timeout;
    this.step = step;
    this.extraHeaders = extraHeaders;
  }

  String base() {
    return base;
  }

  Reply get(String path) throws InterruptedException {
    return send("GET", path, null);
  }

  Reply post(String path, JsonNode body) throws InterruptedException {
    return send("POST", path, body);
  }

  Reply delete(String path) throws InterruptedException {
    return send("DELETE", path, null);
  }

  private Reply send(String method, String path, JsonNode body) throws InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(timeout)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body.toString()));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
      request.setHeader(extraHeaders[i], extraHeaders[i + 1]);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), parse(response.body()));
    } catch (IOException e) {
      throw new ScaffolderException(
          step,
          method
              + " "
              + base
              + path
              + " failed: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage()),
          e);
    }
  }

  private static JsonNode parse(String text) {
    if (text == null || text.isBlank()) {
      return Json.object();
    }
    try {
      return Json.parse(text);
    } catch (RuntimeException e) {
      return Json.object().put("message", text.length() > 200 ? text.substring(0, 200) : text);
    }
  }

  /** The configured API base URL, or the host's usual one. */
  static String apiBase(IntegrationsSettings.Host host, String usual) {
    return host.apiBaseUrl() == null || host.apiBaseUrl().isBlank() ? usual : host.apiBaseUrl();
  }

  /**
   * Refuses to send the token to a clone URL the API returned unless it is on the configured host
   * or the API's own host, over http(s).
   */
  static void checkCloneUrl(
      String cloneUrl, IntegrationsSettings.Host host, String api, String step) {
    URI uri;
    try {
      uri = URI.create(cloneUrl);
    } catch (IllegalArgumentException e) {
      throw new ScaffolderException(
          step, "the host returned an invalid clone URL '" + cloneUrl + "'");
    }
    String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
    boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
    if (!web
        || !(authority.equalsIgnoreCase(host.host())
            || authority.equalsIgnoreCase(URI.create(api).getRawAuthority()))) {
      throw new ScaffolderException(
          step,
          "the host returned clone URL "
              + cloneUrl
              + ", which is not on "
              + host.host()
              + " or its API's host; the token is not sent there");
    }
  }
}
