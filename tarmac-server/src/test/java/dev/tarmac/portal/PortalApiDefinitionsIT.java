package dev.tarmac.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarmac.support.Api;
import dev.tarmac.support.Await;
import dev.tarmac.support.TarmacTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * API definitions on the entity page: OpenAPI as operations, AsyncAPI, GraphQL and gRPC highlighted
 * with line numbers, and definitions that do not parse, try to inject markup or have no highlighter
 * shown as escaped text.
 */
@TarmacTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalApiDefinitionsIT {

  @Autowired Environment env;
  Api api;
  PortalHttp http;

  @BeforeAll
  void demoLoaded() {
    int port = Integer.parseInt(env.getProperty("local.server.port"));
    api = new Api(port);
    http = new PortalHttp(port);
    Await.demoLoaded(api);
  }

  Document page(String path, int status) {
    return http.page(path, status);
  }

  Document post(String path, String form) {
    return http.post(path, form, 200);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void asyncApiGraphqlAndGrpcDefinitionsAreHighlightedWithLineNumbers() throws Exception {
    Document async = page("/catalog/default/api/shipment-events", 200);
    assertThat(async.select("#definition").text()).startsWith("Definition asyncapi");
    assertThat(async.select("#definition-text code.lang-yaml")).hasSize(1);
    assertThat(async.select("#definition-text .hl-name").eachText()).contains("asyncapi", "info");
    assertThat(async.select("#definition-text span.line").size())
        .isGreaterThan(20)
        .isEqualTo(async.select("#definition-text code").text().lines().count());
    Document graphql = page("/catalog/default/api/driver-app-api", 200);
    assertThat(graphql.select("#definition-text code.lang-graphql")).hasSize(1);
    assertThat(graphql.select("#definition-text .hl-keyword").eachText()).contains("type");
    assertThat(graphql.select("#definition-text .hl-comment")).isNotEmpty();
    Document grpc = page("/catalog/default/api/route-planning-api", 200);
    assertThat(grpc.select("#definition-text code.lang-proto")).hasSize(1);
    assertThat(grpc.select("#definition-text .hl-keyword").eachText())
        .contains("syntax", "service", "rpc", "message");
    assertThat(grpc.select("#definition-text .hl-string").eachText()).contains("\"proto3\"");
    // OpenAPI keeps its list of operations, with the highlighted text one click away.
    Document openapi = page("/catalog/default/api/booking-api", 200);
    assertThat(openapi.select("details pre.code code.lang-yaml .hl-name")).isNotEmpty();
  }

  @Test
  void awkwardDefinitionsAreShownAsEscapedText() throws Exception {
    Document registered =
        post(
            "/catalog-import",
            "type=file&target=" + enc(PortalFixtures.apiDefinitions().toString()));
    assertThat(registered.select("p.notice").text()).startsWith("Registered");
    Await.until(
        "the API entities to be processed",
        Duration.ofSeconds(30),
        () -> api.get("/api/catalog/entities/by-name/api/default/defs-trpc").status() == 200);
    Document broken = page("/catalog/default/api/defs-broken-openapi", 200);
    assertThat(broken.select("#definition ~ p.notice").text())
        .startsWith("This OpenAPI definition could not be read (line 3")
        .endsWith("so it is shown as text.");
    assertThat(broken.select("table.ops")).isEmpty();
    assertThat(broken.select("#definition-text .hl-name").eachText()).contains("openapi", "paths");
    Document evil = page("/catalog/default/api/defs-evil-graphql", 200);
    // No markup from the definition survives: only the layout's own scripts, only our spans.
    assertThat(evil.select("script").eachAttr("src")).allMatch(src -> !src.isBlank());
    assertThat(evil.select("script")).hasSize(2);
    assertThat(evil.select("#definition-text img, main img")).isEmpty();
    assertThat(evil.select("#definition-text code").text())
        .contains("# </code><script>alert(1)</script>", "\"</pre><img src=x onerror=alert(2)>\"");
    assertThat(evil.select("#definition-text code *").eachAttr("class"))
        .allMatch(c -> c.equals("line") || c.startsWith("hl-"));
    Document json = page("/catalog/default/api/defs-json-asyncapi", 200);
    assertThat(json.select("#definition-text code.lang-json .hl-name").eachText())
        .contains("\"asyncapi\"", "\"info\"");
    Document plain = page("/catalog/default/api/defs-trpc", 200);
    assertThat(plain.select("#definition-text code.lang-text")).hasSize(1);
    assertThat(plain.select("#definition-text [class^=hl-], #definition-text b")).isEmpty();
    assertThat(plain.select("#definition-text code").text()).contains("<b>bold</b> & more");
    assertThat(plain.select("section:has(#about) li").eachText())
        .contains("Not a link javascript:alert(3)", "Docs");
    assertThat(plain.select("a[href^=javascript], a[href^=JavaScript]")).isEmpty();
    assertThat(plain.select("a:contains(Docs)").attr("href"))
        .isEqualTo("https://trpc.example.test/docs");
  }
}
