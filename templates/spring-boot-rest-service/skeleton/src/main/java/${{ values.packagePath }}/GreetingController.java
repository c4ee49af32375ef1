package ${{ values.javaPackage }};

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The service's first endpoint; replace it with your own. */
@RestController
public class GreetingController {

  @GetMapping("/api/greeting")
  public Map<String, String> greeting(@RequestParam(defaultValue = "world") String name) {
    return Map.of("service", "${{ values.name }}", "greeting", "Hello, " + name + "!");
  }
}
