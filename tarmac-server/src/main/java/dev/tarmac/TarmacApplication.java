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

  /** Starts Tarmac. */
  public static void main(String[] args) {
    // H2's shared value cache hashes every string it reads or writes, entity JSON included, to
    // share equal values: 15 % of the processing thread at 100,000 entities for no gain here.
    if (System.getProperty(H2_OBJECT_CACHE) == null) {
      System.setProperty(H2_OBJECT_CACHE, "false");
    }
    SpringApplication.run(TarmacApplication.class, args);
  }
}
