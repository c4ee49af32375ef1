package dev.tarmac.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Fetches portal pages as a browser would (Accept: text/html) and parses them with jsoup. */
final class PortalHttp {

  static final String FORM = "application/x-www-form-urlencoded";
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  PortalHttp(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** GETs a page and checks its status and that it is HTML. */
  Document page(String path, int status) {
    return send("GET", path, null, status);
  }

  /** POSTs a form and checks the status of the page it answers with. */
  Document post(String path, String form, int status) {
    return send("POST", path, form, status);
  }

  /** Sends any method, with a form body when one is given. */
  Document send(String method, String path, String form, int status) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "text/html")
            .method(
                method,
                form == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(form));
    if (form != null) {
      b.header("Content-Type", FORM);
    }
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(method + " " + path).isEqualTo(status);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      return Jsoup.parse(r.body(), base + path);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
