package dev.tarmac.shared;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Reads http(s) URLs, but only from the hosts in {@code tarmac.reading.allow}. */
@Component
public class UrlReader {

  private final ReadingSettings settings;
  private final HttpClient client;

  /** Creates a reader bound to the allow-list. */
  public UrlReader(ReadingSettings settings) {
    this.settings = settings;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Whether the URL's host is on the allow-list. */
  public boolean allowed(URI uri) {
    String host = uri.getHost();
    if (host == null) {
      return false;
    }
    host = host.toLowerCase(Locale.ROOT);
    String hostPort = uri.getPort() < 0 ? host : host + ":" + uri.getPort();
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
   * Reads the URL as UTF-8 text.
   *
   * @param previousEtag the ETag of the last read, or null; unchanged content returns null
   */
  public UrlContent read(URI uri, String previousEtag) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new ReadException("Unsupported URL scheme '" + scheme + "' in " + uri);
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
    try {
      HttpResponse<InputStream> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        int status = response.statusCode();
        if (status == 304) {
          return null;
        }
        if (status == 404) {
          throw new NotFoundReadException("Not found: " + uri + " answered HTTP 404");
        }
        if (status / 100 != 2) {
          throw new ReadException("Could not read " + uri + ": HTTP " + status);
        }
        byte[] bytes =
            body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBytes() + 1));
        if (bytes.length > settings.maxBytes()) {
          throw new ReadException(
              uri + " is larger than tarmac.reading.max-bytes (" + settings.maxBytes() + ")");
        }
        return new UrlContent(
            new String(bytes, StandardCharsets.UTF_8),
            response.headers().firstValue("ETag").orElse(null));
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
}
