package ${{ values.javaPackage }};

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationTest {

  @LocalServerPort int port;

  private String get(String path) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  @Test
  void greets() throws Exception {
    assertThat(get("/api/greeting?name=Tarmac")).contains("Hello, Tarmac!").contains("${{ values.name }}");
  }

  @Test
  void exposesHealthAndMetrics() throws Exception {
    assertThat(get("/actuator/health")).contains("UP");
    assertThat(get("/actuator/prometheus")).contains("jvm_memory_used_bytes");
  }
}
