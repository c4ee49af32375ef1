package dev.tarmac.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarmac.support.Api;
import dev.tarmac.support.Await;
import dev.tarmac.support.TarmacTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** Every portal page as HTML, with its empty and error states, on the demo organisation. */
@TarmacTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalPagesIT {

  static final String FORM = "application/x-www-form-urlencoded";
  static final String TEMPLATE = "/create/templates/default/spring-boot-rest-service";

  @Autowired Environment env;
  Api api;
  PortalHttp http;

  @BeforeAll
  void demoLoaded() {
    api = new Api(Integer.parseInt(env.getProperty("local.server.port")));
    http = new PortalHttp(Integer.parseInt(env.getProperty("local.server.port")));
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
  void homeShowsThePersonsTeamsWhatTheyOwnAndGoldenPaths() throws Exception {
    Document d = page("/", 200);
    assertThat(d.select("h1").text()).isEqualTo("Welcome, Amara Okafor");
    assertThat(d.select("section:has(#teams) a").eachAttr("href"))
        .contains("/catalog/default/group/shipment-core");
    assertThat(d.select("section:has(#owned) a").eachAttr("href"))
        .contains("/catalog/default/component/booking-service");
    assertThat(d.select("section:has(#create) a").eachAttr("href")).contains(TEMPLATE);
    assertThat(d.select("section:has(#recent) tbody tr")).isNotEmpty();
    assertThat(d.select("nav[aria-label=Main] a").eachText()).contains("Catalog", "Create");
    assertThat(d.select("label[for=home-search]")).hasSize(1);
    // Every page names its icon, so browsers do not ask for a missing /favicon.ico.
    assertThat(d.select("head link[rel=icon]").attr("href")).isEqualTo("/favicon.svg");
    Api.Response icon = api.get("/favicon.svg");
    assertThat(icon.status()).isEqualTo(200);
    assertThat(icon.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
    assertThat(icon.body()).contains("<title>Tarmac</title>");
  }

  @Test
  void catalogFiltersSortsAndPages() throws Exception {
    Document groups = page("/catalog?filters%5Bkind%5D=group&sort=-name", 200);
    assertThat(groups.select("#results tbody td:nth-child(2)").eachText())
        .isNotEmpty()
        .allMatch(k -> k.equals("Group"));
    assertThat(groups.select("select#f-kind option[selected]").text()).startsWith("Group");
    assertThat(groups.select("th[aria-sort=descending]").text()).isEqualTo("Name");
    Document all = page("/catalog", 200);
    assertThat(all.select("#results tbody tr")).hasSize(25);
    assertThat(all.select("a[rel=next]").attr("href")).isEqualTo("/catalog?page=2");
    // At least the demo organisation; other tests in this shared context register more.
    String status = all.select("#result-count[role=status]").text();
    assertThat(status).matches("\\d+ entities.*");
    assertThat(Integer.parseInt(status.split(" ")[0])).isGreaterThanOrEqualTo(132);
    Document second = page("/catalog?page=2", 200);
    assertThat(second.select("#results tbody td a").first().text())
        .isNotEqualTo(all.select("#results tbody td a").first().text());
  }

  @Test
  void catalogTextFilterAndEmptyState() throws Exception {
    Document d = page("/catalog?q=booking", 200);
    assertThat(d.select("#results tbody a").eachText()).contains("Booking Service");
    Document none = page("/catalog?q=zzznothingzzz", 200);
    assertThat(none.select("#results .empty").text()).startsWith("No entities match");
  }

  @Test
  void entityPageShowsAboutGraphYamlAndRefresh() throws Exception {
    Document d = page("/catalog/default/component/booking-service", 200);
    assertThat(d.select("h1").text()).startsWith("Booking Service");
    assertThat(d.select("section:has(#about) dd a").eachAttr("href"))
        .contains("/catalog/default/group/shipment-core");
    assertThat(d.select("svg.graph a").eachAttr("href"))
        .contains("/catalog/default/group/shipment-core");
    // The source location reads as the address it opens, without Backstage's "url:" prefix.
    Element source = d.selectFirst("dt:containsOwn(Source) + dd a");
    assertThat(source.text()).isEqualTo("https://git.northwind.example/northwind/booking-service/");
    assertThat(source.attr("href")).isEqualTo(source.text());
    assertThat(d.select("details pre").text()).contains("name: \"booking-service\"");
    assertThat(d.select("section.dora h2").text()).isEqualTo("Delivery (DORA)");
    Api.Response refreshed =
        api.post("/catalog/default/component/booking-service/refresh", "", FORM);
    assertThat(refreshed.status()).isEqualTo(302);
    assertThat(refreshed.headers().firstValue("Location").orElse("")).endsWith("?refreshed");
    assertThat(page("/catalog/default/component/booking-service?refreshed", 200).text())
        .contains("Refresh scheduled");
  }

  @Test
  void apiPageListsOpenApiOperations() throws Exception {
    Document d = page("/catalog/default/api/booking-api", 200);
    assertThat(d.select("#definition").text()).startsWith("Definition openapi");
    assertThat(d.select("table.ops tbody tr")).isNotEmpty();
    assertThat(d.select("table.ops .method").eachText()).containsAnyOf("GET", "POST");
  }

  @Test
  void groupPageListsMembersAndOwnedEntities() throws Exception {
    Document d = page("/catalog/default/group/shipment-core", 200);
    assertThat(d.select("#owns").text()).matches("Owns \\(\\d+\\)");
    assertThat(d.select("a").eachAttr("href"))
        .contains(
            "/catalog/default/user/amara.okafor", "/catalog/default/component/booking-service");
    assertThat(d.select("section:has(#relations) dt").eachText()).contains("hasMember", "ownerOf");
  }

  @Test
  void aPersonsPageGivesTheirEmailAndNoOwner() throws Exception {
    Document d = page("/catalog/default/user/amara.okafor", 200);
    assertThat(d.select("h1").text()).startsWith("Amara Okafor");
    Element email = d.selectFirst("dt:containsOwn(Email) + dd a");
    assertThat(email.text()).isEqualTo("amara.okafor@northwind.example");
    assertThat(email.attr("href")).isEqualTo("mailto:amara.okafor@northwind.example");
    assertThat(d.select("section:has(#about) dt").eachText()).doesNotContain("Owner");
    assertThat(page("/catalog/default/component/booking-service", 200).select("dt").eachText())
        .contains("Owner");
  }

  @Test
  void aLocationsPageGivesItsTargetsAndWhatItDefines() throws Exception {
    Document d = page("/catalog/default/location/northwind-demo", 200);
    assertThat(d.select("dt:containsOwn(Target) + dd").eachText())
        .contains("./org/people.yaml", "./templates/scheduled-job/template.yaml")
        .hasSize(10);
    // Everything the demo's files define: 132 entities less this Location and the generated one.
    assertThat(d.select("#defines").text()).isEqualTo("Defines (130)");
    assertThat(d.select("section:has(#defines) tbody tr")).hasSize(50);
    assertThat(d.select("section:has(#defines) tbody a").eachAttr("href"))
        .contains("/catalog/default/api/booking-api");
    assertThat(page("/catalog/default/component/booking-service", 200).select("#defines"))
        .isEmpty();
  }

  @Test
  void missingPagesAreHelpful404s() throws Exception {
    Document d = page("/catalog/default/component/booking-servic", 404);
    assertThat(d.select("h1").text()).isEqualTo("Not found");
    assertThat(d.select("input#nf-search").val()).isEqualTo("booking-servic");
    assertThat(d.select("ul.suggestions a").eachAttr("href"))
        .contains("/catalog/default/component/booking-service");
    assertThat(page("/create/templates/default/no-such-template", 404).text())
        .contains("There is no template named default/no-such-template");
    assertThat(page("/create/tasks/no-such-task", 404).text())
        .contains("There is no task with id no-such-task");
    assertThat(page("/no/such/page", 404).text()).contains("There is no page at /no/such/page");
  }

  @Test
  void searchShowsHitsKindsAndEmptyStates() throws Exception {
    Document d = page("/search?query=booking", 200);
    assertThat(d.select("ol.hits a").eachText()).contains("Booking Service");
    assertThat(d.select("aside.facets a").eachText()).anyMatch(t -> t.startsWith("Component ("));
    // People are found by their names and shown as the catalog shows them.
    Document person = page("/search?query=Okafor", 200);
    assertThat(person.select("ol.hits a").eachText()).containsExactly("Amara Okafor");
    assertThat(person.select("ol.hits p").text())
        .isEqualTo(
            "Staff engineer in Shipment Core and chair of the logistics architecture forum.");
    assertThat(page("/search", 200).select("#hits .empty").text()).startsWith("Type a few");
    assertThat(page("/search?query=zzznothingzzz", 200).select("#hits .empty").text())
        .startsWith("Nothing matches");
  }

  @Test
  void importAnalysesThenRegistersAndRefusesTwice() throws Exception {
    Document blank = post("/catalog-import/analyze", "type=url&target=");
    assertThat(blank.select("p.error").text()).isNotBlank();
    Path file = PortalFixtures.renamedExample("pages");
    Document analysis = post("/catalog-import/analyze", "type=file&target=" + enc(file.toString()));
    assertThat(analysis.select("#analysis").text()).isEqualTo("What this location would add");
    assertThat(analysis.select("section:has(#analysis) tbody a").eachText())
        .contains("pages-artist-lookup");
    Document done = post("/catalog-import", "type=file&target=" + enc(file.toString()));
    assertThat(done.select("p.notice").text()).startsWith("Registered");
    Document again = post("/catalog-import", "type=file&target=" + enc(file.toString()));
    assertThat(again.select("p.error").text()).contains("already exists");
  }

  @Test
  void entitiesReferredToButNotInTheCatalogAreNamedNotLinked() throws Exception {
    Path file = Files.createTempDirectory("portal-missing").resolve("catalog-info.yaml");
    Files.writeString(
        file,
        """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: portal-lonely-service
        spec:
          type: service
          lifecycle: production
          owner: group:default/nobody-registered-this
          dependsOn: [resource:default/ghost-db, component:default/booking-service]
        """);
    post("/catalog-import", "type=file&target=" + enc(file.toString()));
    String path = "/catalog/default/component/portal-lonely-service";
    Await.until(
        "the component to be in the catalog",
        Duration.ofSeconds(30),
        () -> api.get(path).status() == 200);
    Document d = page(path, 200);
    assertThat(d.select("a[href]").eachAttr("href"))
        .doesNotContain(
            "/catalog/default/group/nobody-registered-this", "/catalog/default/resource/ghost-db")
        .contains("/catalog/default/component/booking-service");
    assertThat(d.selectFirst("dt:containsOwn(Owner) + dd").text())
        .isEqualTo("nobody-registered-this (not in the catalog)");
    assertThat(d.select(".chip.missing").eachText())
        .containsExactlyInAnyOrder(
            "ghost-db (not in the catalog)", "nobody-registered-this (not in the catalog)");
    assertThat(d.select("svg.graph g.node.missing").eachAttr("aria-label"))
        .containsExactlyInAnyOrder(
            "ownedBy group nobody-registered-this, not in the catalog",
            "dependsOn resource ghost-db, not in the catalog");
    Document table = page("/catalog?q=portal-lonely", 200);
    assertThat(table.select("#results tbody td:nth-child(4)").text())
        .isEqualTo("nobody-registered-this (not in the catalog)");
    assertThat(table.select("#results tbody td:nth-child(4) a")).isEmpty();
  }

  @Test
  void theLocationsPageListsItsEntitiesWithProblems() throws Exception {
    Path file = Files.createTempDirectory("portal-problems").resolve("catalog-info.yaml");
    Files.writeString(
        file,
        """
        apiVersion: backstage.io/v1alpha1
        kind: API
        metadata:
          name: portal-problem-api
        spec:
          type: openapi
          lifecycle: production
          owner: group:default/shipment-core
          definition:
            $text: ./missing-openapi.yaml
        """);
    Document done = post("/catalog-import", "type=file&target=" + enc(file.toString()));
    String location = done.select("a:contains(See the location)").attr("href");
    assertThat(location).startsWith("/catalog/default/location/");
    Await.until(
        "the API's failure to be recorded",
        Duration.ofSeconds(30),
        () -> {
          Api.Response r = api.get(location);
          return r.status() == 200 && r.body().contains("id=\"problems-under\"");
        });
    Document d = page(location, 200);
    assertThat(d.select("#problems-under").text())
        .isEqualTo("Entities from this location with processing errors (1)");
    assertThat(d.select("section:has(#problems-under) li").text())
        .startsWith("api:default/portal-problem-api (not in the catalog): ")
        .contains("$text");
    // An entity page that is not a registered location's has no such section.
    assertThat(page("/catalog/default/component/booking-service", 200).select("#problems-under"))
        .isEmpty();
  }

  @Test
  void galleryListsTheGoldenPathsAndFilters() throws Exception {
    Document d = page("/create", 200);
    assertThat(d.select("ul.gallery h2 a").eachAttr("href")).contains(TEMPLATE);
    assertThat(d.select("ul.gallery > li")).hasSizeGreaterThanOrEqualTo(3);
    Document none = page("/create?tag=no-such-tag", 200);
    assertThat(none.select("main .empty").text()).startsWith("No templates match");
  }

  @Test
  void wizardChecksEachStepOnTheServerThenReviews() throws Exception {
    Document first = page(TEMPLATE, 200);
    assertThat(first.select("ol.steps li").eachText())
        .containsExactly("Service", "Repository", "Review");
    assertThat(first.select("input#p-name").attr("data-pattern"))
        .isEqualTo("^[a-z][a-z0-9-]{2,40}$");
    assertThat(first.select("select#p-owner option").eachAttr("value"))
        .contains("group:default/shipment-core");
    // A name that breaks the pattern: the same step again, the message beside the field.
    Document bad =
        post(
            TEMPLATE,
            "step=0&nav=next&p.name=Bad+Name&p.owner=group%3Adefault%2Fshipment-core"
                + "&p.javaPackage=com.example.svc");
    assertThat(bad.select("#p-name-error").text()).startsWith("Name:");
    assertThat(bad.select("input#p-name").val()).isEqualTo("Bad Name");
    assertThat(bad.select("input[name=step]").val()).isEqualTo("0");
    Document second =
        post(
            TEMPLATE,
            "step=0&nav=next&p.name=pages-svc&p.owner=group%3Adefault%2Fshipment-core"
                + "&p.javaPackage=com.example.svc");
    assertThat(second.select("input[name=step]").val()).isEqualTo("1");
    assertThat(second.select("select#p-repoUrl-host option").eachText())
        .contains("git.tarmac.local");
    String answers = second.select("input[name=answers]").val();
    Document review =
        post(
            TEMPLATE,
            "step=1&nav=next&answers="
                + enc(answers)
                + "&p.repoUrl.host=git.tarmac.local&p.repoUrl.owner=acme&p.repoUrl.repo=pages-svc");
    assertThat(review.select("h2").text()).contains("Review");
    assertThat(review.select("dl.facts").text())
        .contains("pages-svc", "git.tarmac.local?owner=acme&repo=pages-svc");
    // Back from the review: the repository step shows what was entered.
    Document back =
        post(
            TEMPLATE, "step=2&nav=back&answers=" + enc(review.select("input[name=answers]").val()));
    assertThat(back.select("input#p-repoUrl-owner").val()).isEqualTo("acme");
    assertThat(back.select("input#p-repoUrl-repo").val()).isEqualTo("pages-svc");
  }

  @Test
  void aFailedTaskSaysWhyAndTheDeliveryPagesRender() throws Exception {
    // A name of its own per run: the bare repositories outlive the test in target/it-data/git.
    String name = "pages-failing-" + Long.toString(System.currentTimeMillis(), 36);
    String body =
        "{\"templateRef\":\"template:default/spring-boot-rest-service\",\"values\":{\"name\":"
            + "\""
            + name
            + "\",\"owner\":\"group:default/shipment-core\",\"javaPackage\":"
            + "\"com.example.failing\",\"repoUrl\":\"git.tarmac.local?owner=acme&repo="
            + name
            + "\"}}";
    String first = api.post("/api/scaffolder/v2/tasks", body).json().path("id").asString();
    Await.until(
        "the first run to finish",
        Duration.ofSeconds(60),
        () -> page0(first).select("h1 .status").text().equals("completed"));
    // The same repository again: publish:git refuses, and the task page says so.
    String second = api.post("/api/scaffolder/v2/tasks", body).json().path("id").asString();
    Await.until(
        "the second run to fail",
        Duration.ofSeconds(60),
        () -> page0(second).select("h1 .status").text().equals("failed"));
    Document failed = page("/create/tasks/" + second, 200);
    assertThat(failed.select("section.problems h2").text()).isEqualTo("The task failed");
    assertThat(failed.select("section.problems p").text()).isNotBlank();
    assertThat(failed.select("div#task").attr("hx-trigger")).isEmpty();
    Document done = page("/create/tasks/" + first, 200);
    assertThat(done.select("section:has(#output) a").eachText()).contains("Open in catalog");
    Document org = page("/delivery", 200);
    assertThat(org.select("section.dora .key h3").eachText())
        .containsExactly(
            "Deployment frequency",
            "Lead time for changes",
            "Change failure rate",
            "Failed deployment recovery time");
    assertThat(page("/delivery/teams/shipment-core", 200).select("h1").text())
        .isEqualTo("Delivery of shipment-core");
    assertThat(page("/delivery/teams/nobody", 404).select("h1").text()).isEqualTo("Not found");
  }

  private Document page0(String task) {
    try {
      return page("/create/tasks/" + task, 200);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
