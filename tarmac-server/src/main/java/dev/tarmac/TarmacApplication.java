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

  /** Starts Tarmac. */
  public static void main(String[] args) {
    SpringApplication.run(TarmacApplication.class, args);
  }
}
