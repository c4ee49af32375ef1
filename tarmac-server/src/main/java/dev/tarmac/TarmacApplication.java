package dev.tarmac;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Tarmac, the Internal Developer Platform in one service. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TarmacApplication {

  private static final String H2_OBJECT_CACHE = "h2.objectCache";
  private static final String AOT = "spring.aot.enabled";

  /** Starts Tarmac. */
  public static void main(String[] args) {
    // H2's shared value cache hashes every string it reads or writes, entity JSON included, to
    // share equal values: 15 % of the processing thread at 100,000 entities for no gain here.
    if (System.getProperty(H2_OBJECT_CACHE) == null) {
      System.setProperty(H2_OBJECT_CACHE, "false");
    }
    if (System.getProperty(AOT) == null && packagedWithAotArtifacts()) {
      System.setProperty(AOT, "true");
    }
    SpringApplication.run(TarmacApplication.class, args);
  }

  /**
   * Whether this runs from the packaged jar, whose build generated the bean definitions ahead of
   * time (spring-boot:process-aot): then start-up skips scanning, condition evaluation and proxy
   * generation. Classes run from a folder (an IDE, tests) may hold stale generated sources, so they
   * start as usual; {@code -Dspring.aot.enabled=false} turns it off for the jar too.
   */
  static boolean packagedWithAotArtifacts() {
    var source = TarmacApplication.class.getProtectionDomain().getCodeSource();
    String location = source == null ? "file:/" : String.valueOf(source.getLocation());
    boolean fromFolder = location.startsWith("file:") && location.endsWith("/");
    return !fromFolder
        && TarmacApplication.class.getResource(
                "TarmacApplication__ApplicationContextInitializer.class")
            != null;
  }
}
