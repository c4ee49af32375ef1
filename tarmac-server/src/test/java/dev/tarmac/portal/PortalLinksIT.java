package dev.tarmac.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarmac.support.Api;
import dev.tarmac.support.Await;
import dev.tarmac.support.TarmacTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Every link the portal shows leads somewhere (no 404s, no errors), and every page reached passes
 * the accessibility audit.
 */
@TarmacTest
class PortalLinksIT {

  /** Far more than the demo's pages. */
  static final int MAX_PAGES = 3_000;

  @Autowired Environment env;

  @Test
  void everyLinkFromTheHomePageAnswersWithAnAccessiblePage() throws Exception {
    int port = Integer.parseInt(env.getProperty("local.server.port"));
    Api api = new Api(port);
    Await.demoLoaded(api);
    HttpClient client = HttpClient.newHttpClient();
    Deque<String> queue = new ArrayDeque<>(List.of("/"));
    Set<String> seen = new HashSet<>();
    Set<String> shapes = new HashSet<>(List.of("/"));
    List<String> failures = new ArrayList<>();
    List<String> inaccessible = new ArrayList<>();
    while (!queue.isEmpty() && seen.size() < MAX_PAGES) {
      String path = queue.poll();
      if (!seen.add(path)) {
        continue;
      }
      HttpResponse<String> r = get(client, port, path);
      if (r.statusCode() != 200) {
        failures.add(r.statusCode() + " " + path);
        continue;
      }
      if (!r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
        continue;
      }
      Document page = Jsoup.parse(r.body());
      // Every page reached meets the portal's accessibility rules, not only the listed ones.
      AccessibilityAudit.problems(page).forEach(p -> inaccessible.add(path + ": " + p));
      for (String href : page.select("a[href]").eachAttr("href")) {
        String link = href.replaceFirst("#.*", "");
        // Every page of the unfiltered catalog (so every entity's page), then one link of each
        // other shape (path and query parameter names): a filter, a sort order, a filtered page.
        if (link.startsWith("/") && !link.startsWith("//") && shapes.add(shape(link))) {
          queue.add(link);
        }
      }
    }
    assertThat(queue).as("links left unvisited after %d pages", MAX_PAGES).isEmpty();
    assertThat(seen.size()).isGreaterThan(100);
    assertThat(failures).isEmpty();
    assertThat(inaccessible).isEmpty();
  }

  /** A link's path with the names of its query parameters, sorted; a bare page link whole. */
  static String shape(String link) {
    int q = link.indexOf('?');
    if (q < 0 || link.substring(q + 1).matches("page=\\d+")) {
      return link;
    }
    TreeSet<String> names = new TreeSet<>();
    for (String pair : link.substring(q + 1).split("&")) {
      names.add(pair.replaceFirst("=.*", ""));
    }
    return link.substring(0, q) + "?" + String.join("&", names);
  }

  private static HttpResponse<String> get(HttpClient client, int port, String path)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            // What a browser sends when a link is followed.
            .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
