package dev.tarmac.shared;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.JsonNode;

/**
 * Reads http(s) URLs, but only from the hosts in {@code tarmac.reading.allow} and {@code
 * tarmac.integrations}; blob URLs on an integration host are read through its REST API with its
 * token.
 */
@Component
public class UrlReader {

  private final ReadingSettings settings;
  private final IntegrationsSettings integrations;
  private final EtagCache cache;
  // Made on first use: building a client sets up TLS, which start-up need not wait for.
  private final SingletonSupplier<HttpClient> client;

  /** Creates a reader bound to the allow-list and the integration hosts. */
  public UrlReader(ReadingSettings settings, IntegrationsSettings integrations) {
    this.settings = settings;
    this.integrations = integrations;
    this.client =
        SingletonSupplier.of(
            () ->
                HttpClient.newBuilder()
                    .connectTimeout(settings.timeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build());
    this.cache = new EtagCache(settings.cacheBytes() / 2); // Java strings: two bytes per char
  }

  /** Whether the URL's host is on the allow-list or a configured integration host. */
  public boolean allowed(URI uri) {
    String host = uri.getHost();
    if (host == null) {
      return false;
    }
    host = host.toLowerCase(Locale.ROOT);
    String hostPort = uri.getPort() < 0 ? host : host + ":" + uri.getPort();
    if (integrations.configures(hostPort)) {
      return true;
    }
    for (String pattern : settings.allow()) {
      String p = pattern.toLowerCase(Locale.ROOT).trim();
      if (p.equals(host) || p.equals(hostPort)) {
        return true;
      }
      if (p.startsWith("*.") && host.endsWith(p.substring(1))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads the URL as UTF-8 text, asking the host with the ETag of the last read whether it changed:
   * an unchanged file (304) is not downloaded again.
   */
  public UrlContent readCached(URI uri) {
    UrlContent known = cache.get(uri);
    UrlContent read = read(uri, known == null ? null : known.etag());
    if (read == null) {
      if (known == null) {
        throw new ReadException(uri + " answered 304 Not Modified to a request that named no ETag");
      }
      cache.hit();
      return known;
    }
    cache.put(uri, read);
    return read;
  }

  /** How many reads the hosts answered with 304 Not Modified since start. */
  public long notModifiedCount() {
    return cache.notModified();
  }

  /**
   * Reads the URL as UTF-8 text.
   *
   * @param previousEtag the ETag of the last read, or null; unchanged content returns null
   */
  public UrlContent read(URI uri, String previousEtag) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new ReadException("Unsupported URL scheme '" + scheme + "' in " + uri);
    }
    Optional<HostedFile> hosted = HostedFile.parse(uri, integrations);
    if (hosted.isPresent()) {
      return readHosted(uri, hosted.get(), previousEtag);
    }
    if (!allowed(uri)) {
      throw new ReadException(
          "Reading from host '"
              + uri.getHost()
              + "' is not allowed; add it to tarmac.reading.allow to read "
              + uri);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.timeout()).GET();
    if (previousEtag != null) {
      request.header("If-None-Match", previousEtag);
    }
    Reply reply = send(request.build(), uri);
    if (reply == null) {
      return null;
    }
    if (reply.status() == 404) {
      throw new NotFoundReadException("Not found: " + uri + " answered HTTP 404");
    }
    if (reply.status() / 100 != 2) {
      throw new ReadException("Could not read " + uri + ": HTTP " + reply.status());
    }
    return new UrlContent(reply.text(), reply.etag());
  }

  /** Reads a blob URL through its host's REST API; the token never appears in a message. */
  private UrlContent readHosted(URI uri, HostedFile file, String previousEtag) {
    URI api = file.apiUri();
    HttpRequest.Builder request = HttpRequest.newBuilder(api).timeout(settings.timeout()).GET();
    List<String> headers = file.headers();
    for (int i = 0; i + 1 < headers.size(); i += 2) {
      request.header(headers.get(i), headers.get(i + 1));
    }
    if (previousEtag != null) {
      request.header("If-None-Match", previousEtag);
    }
    Reply reply = send(request.build(), uri);
    if (reply == null) {
      return null;
    }
    String via = "the " + file.provider() + " API of " + file.host().host();
    int status = reply.status();
    if (status == 404) {
      throw new NotFoundReadException(
          "Not found: " + uri + " (" + via + " answered HTTP 404 for GET " + api + ")");
    }
    if (status == 401 || status == 403) {
      throw new ReadException(refused(uri, file, reply));
    }
    if (status / 100 != 2) {
      throw new ReadException("Could not read " + uri + " through " + via + ": HTTP " + status);
    }
    return new UrlContent(file.gitlab() ? reply.text() : githubText(reply), reply.etag());
  }

  private static String refused(URI uri, HostedFile file, Reply reply) {
    String host = file.host().host();
    if ("0".equals(reply.rateLimitRemaining())) {
      return "The "
          + file.provider()
          + " API rate limit of "
          + host
          + " is used up (HTTP "
          + reply.status()
          + "); "
          + uri
          + " is read again at the next refresh";
    }
    boolean noToken = file.host().token() == null || file.host().token().isBlank();
    return noToken
        ? "The "
            + file.provider()
            + " host "
            + host
            + " refused to serve "
            + uri
            + " without a token (HTTP "
            + reply.status()
            + "); set its token in "
            + file.setting()
        : "The "
            + file.provider()
            + " host "
            + host
            + " refused the token configured in "
            + file.setting()
            + " (HTTP "
            + reply.status()
            + ") reading "
            + uri;
  }

  /**
   * The raw text GitHub sends for {@code application/vnd.github.raw}, or the base64 {@code content}
   * of the JSON it sends when a proxy or an older server ignores that media type.
   */
  private static String githubText(Reply reply) {
    if (reply.contentType().startsWith("application/json")) {
      try {
        JsonNode json = Json.parse(reply.text());
        if ("base64".equals(json.path("encoding").asString(""))
            && json.path("content").isString()) {
          return new String(
              Base64.getMimeDecoder().decode(json.path("content").asString()),
              StandardCharsets.UTF_8);
        }
      } catch (RuntimeException e) {
        // not the contents API's JSON: the file itself
      }
    }
    return reply.text();
  }

  /** Sends a GET; null means 304 Not Modified. */
  private Reply send(HttpRequest request, URI uri) {
    try {
      HttpResponse<InputStream> response =
          client.obtain().send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        int status = response.statusCode();
        if (status == 304) {
          return null;
        }
        byte[] bytes =
            body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBytes() + 1));
        if (status / 100 == 2 && bytes.length > settings.maxBytes()) {
          throw new ReadException(
              uri + " is larger than tarmac.reading.max-bytes (" + settings.maxBytes() + ")");
        }
        return new Reply(
            status,
            new String(bytes, StandardCharsets.UTF_8),
            response.headers().firstValue("ETag").orElse(null),
            response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT),
            response.headers().firstValue("X-RateLimit-Remaining").orElse(null));
      }
    } catch (IOException e) {
      throw new ReadException("Could not read " + uri + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReadException("Interrupted while reading " + uri, e);
    }
  }

  /** Text read from a URL with its ETag (may be null). */
  public record UrlContent(String text, String etag) {}

  private record Reply(
      int status, String text, String etag, String contentType, String rateLimitRemaining) {}
}
