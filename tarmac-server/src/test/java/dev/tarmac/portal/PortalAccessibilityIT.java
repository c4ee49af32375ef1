package dev.tarmac.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarmac.support.Api;
import dev.tarmac.support.Await;
import dev.tarmac.support.TarmacTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Every portal page, in its ordinary, empty and error states, keeps the rules of {@link
 * AccessibilityAudit}; plus the page-specific ones (sortable headers, the live task log).
 */
@TarmacTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalAccessibilityIT {

  static final String TEMPLATE = PortalPagesIT.TEMPLATE;

  @Autowired Environment env;
  PortalHttp http;
  Api api;
  final Map<String, Document> pages = new LinkedHashMap<>();

  @BeforeAll
  void fetchEveryPage() throws Exception {
    int port = Integer.parseInt(env.getProperty("local.server.port"));
    http = new PortalHttp(port);
    api = new Api(port);
    Await.demoLoaded(api);
    get("/");
    get("/catalog");
    get("/catalog?filters%5Bkind%5D=group&sort=-name");
    get("/catalog?q=zzznothingzzz");
    get("/catalog/default/component/booking-service");
    get("/catalog/default/api/booking-api");
    get("/catalog/default/api/shipment-events");
    get("/catalog/default/api/driver-app-api");
    get("/catalog/default/api/route-planning-api");
    get("/catalog/default/group/shipment-core");
    get("/catalog/default/user/amara.okafor");
    get("/catalog/default/system/route-optimisation");
    get("/search");
    get("/search?query=booking");
    get("/search?query=zzznothingzzz");
    get("/catalog-import");
    get("/create");
    get("/create?tag=no-such-tag");
    get(TEMPLATE);
    get("/delivery");
    get("/delivery/teams/shipment-core");
    pages.put("404 entity", http.page("/catalog/default/component/booking-servic", 404));
    pages.put("404 template", http.page("/create/templates/default/no-such-template", 404));
    pages.put("404 task", http.page("/create/tasks/no-such-task", 404));
    pages.put("404 page", http.page("/no/such/page", 404));
    pages.put("405 error page", http.send("DELETE", "/catalog", null, 405));
    pages.put("import: blank", http.post("/catalog-import/analyze", "type=url&target=", 200));
    Path file = PortalFixtures.renamedExample("a11y");
    String target = "type=file&target=" + enc(file.toString());
    pages.put("import: analysis", http.post("/catalog-import/analyze", target, 200));
    pages.put("import: done", http.post("/catalog-import", target, 200));
    String owner = "&p.owner=group%3Adefault%2Fshipment-core&p.javaPackage=com.example.svc";
    pages.put("wizard: error", http.post(TEMPLATE, "step=0&nav=next&p.name=Bad+Name" + owner, 200));
    Document second = http.post(TEMPLATE, "step=0&nav=next&p.name=a11y-svc" + owner, 200);
    pages.put("wizard: repository", second);
    String answers = second.select("input[name=answers]").val();
    pages.put(
        "wizard: review",
        http.post(
            TEMPLATE,
            "step=1&nav=next&answers="
                + enc(answers)
                + "&p.repoUrl.host=git.tarmac.local&p.repoUrl.owner=acme&p.repoUrl.repo=a11y",
            200));
    pages.put("task", finishedTask());
  }

  void get(String path) {
    pages.put(path, http.page(path, 200));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  Document finishedTask() {
    String name = "a11y-" + Long.toString(System.currentTimeMillis(), 36);
    String body =
        "{\"templateRef\":\"template:default/spring-boot-rest-service\",\"values\":{\"name\":\""
            + name
            + "\",\"owner\":\"group:default/shipment-core\",\"javaPackage\":\"com.example.a\","
            + "\"repoUrl\":\"git.tarmac.local?owner=acme&repo="
            + name
            + "\"}}";
    String id = api.post("/api/scaffolder/v2/tasks", body).json().path("id").asString();
    Await.until(
        "the task to finish",
        Duration.ofSeconds(60),
        () -> !http.page("/create/tasks/" + id, 200).select("h1 .status-completed").isEmpty());
    return http.page("/create/tasks/" + id, 200);
  }

  @Test
  void everyPageKeepsTheRules() {
    assertThat(pages).hasSizeGreaterThan(30);
    Map<String, List<String>> failures = new LinkedHashMap<>();
    pages.forEach(
        (name, d) -> {
          List<String> problems = AccessibilityAudit.problems(d);
          if (!problems.isEmpty()) {
            failures.put(name, problems);
          }
        });
    assertThat(failures).isEmpty();
  }

  @Test
  void theCatalogTableSaysHowItIsSortedAndEveryColumnSortsByKeyboard() {
    Document d = pages.get("/catalog?filters%5Bkind%5D=group&sort=-name");
    assertThat(d.select("table.entities th[aria-sort]").eachText()).containsExactly("Name");
    assertThat(d.select("table.entities th[aria-sort]").attr("aria-sort")).isEqualTo("descending");
    assertThat(d.select("table.entities thead th:has(a[href])").eachText())
        .containsExactly("Name", "Kind", "Type", "Owner", "Lifecycle");
    assertThat(pages.get("/catalog").select("th[aria-sort]").attr("aria-sort"))
        .isEqualTo("ascending");
  }

  @Test
  void resultCountsAndTheTaskLogAreLiveRegionsThatSurviveTheirUpdates() {
    Document catalog = pages.get("/catalog");
    Element count = catalog.selectFirst("#result-count[role=status]");
    assertThat(count).isNotNull();
    assertThat(count.closest("#results")).as("outside the swapped results").isNull();
    assertThat(catalog.select("form#filters").attr("hx-select-oob")).contains("#result-count");
    Document search = pages.get("/search?query=booking");
    Element hits = search.selectFirst("#hit-count[role=status]");
    assertThat(hits.text()).matches("\\d+ results for “booking”");
    assertThat(hits.closest("#hits")).as("outside the swapped hits").isNull();
    assertThat(search.select("form[hx-get=/search]").attr("hx-select-oob")).contains("#hit-count");
    Document task = pages.get("task");
    Element log = task.selectFirst("pre#log[aria-live=polite]");
    assertThat(log).isNotNull();
    assertThat(log.closest("#task")).as("outside the polled task area").isNull();
    assertThat(log.select(".log-line")).isNotEmpty();
  }

  @Test
  void theRelationGraphIsAGroupOfNamedFocusableLinks() {
    Element svg = pages.get("/catalog/default/component/booking-service").selectFirst("svg.graph");
    assertThat(svg.attr("role")).isEqualTo("group");
    assertThat(svg.attr("aria-label")).startsWith("Relations of Booking Service");
    assertThat(svg.select("a[href]")).isNotEmpty();
    assertThat(svg.select("a[href]").eachAttr("aria-label"))
        .contains("ownedBy group shipment-core");
  }

  @Test
  void everyApiDefinitionIsHighlightedWithLineNumbers() {
    for (String api : List.of("shipment-events", "driver-app-api", "route-planning-api")) {
      Element pre = pages.get("/catalog/default/api/" + api).selectFirst("#definition-text");
      assertThat(pre.attr("tabindex")).as(api).isEqualTo("0");
      assertThat(pre.attr("aria-label")).as(api).isNotBlank();
      assertThat(pre.select("span.line")).as(api).hasSizeGreaterThan(10);
      assertThat(pre.select("span.hl-keyword, span.hl-name")).as(api).isNotEmpty();
    }
  }
}
