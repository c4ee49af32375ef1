package dev.tarmac.catalog.ingest;

import dev.tarmac.shared.TarmacSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The demo organisation shipped in the jar, copied to the data folder so it reads as files. */
public final class DemoOrganisation {

  /** Every kind: the demo brings its own teams, people, systems and domains. */
  public static final java.util.Set<String> KINDS =
      java.util.Set.of(
          "Component",
          "API",
          "Resource",
          "System",
          "Domain",
          "Group",
          "User",
          "Location",
          "Template");

  private DemoOrganisation() {}

  /** Where the demo's root catalog file lives once copied. */
  public static Path root(TarmacSettings settings) {
    return settings
        .dataDir()
        .resolve("demo")
        .resolve("catalog-info.yaml")
        .toAbsolutePath()
        .normalize();
  }

  /** Copies the demo files from the classpath into the data folder (overwriting older copies). */
  public static Path install(TarmacSettings settings) {
    Path target = settings.dataDir().resolve("demo").toAbsolutePath().normalize();
    try {
      Resource[] resources =
          new PathMatchingResourcePatternResolver().getResources("classpath*:demo/**/*");
      for (Resource r : resources) {
        if (!r.isReadable()) {
          continue;
        }
        String url = r.getURL().toString();
        int idx = url.lastIndexOf("/demo/");
        if (idx < 0) {
          continue;
        }
        Path dest = target.resolve(url.substring(idx + "/demo/".length())).normalize();
        if (!dest.startsWith(target)) {
          continue;
        }
        Files.createDirectories(dest.getParent());
        try (InputStream in = r.getInputStream()) {
          Files.copy(in, dest, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not install the demo organisation in " + target, e);
    }
    return target.resolve("catalog-info.yaml");
  }
}
