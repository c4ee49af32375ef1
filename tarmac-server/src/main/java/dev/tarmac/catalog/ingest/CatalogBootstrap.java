package dev.tarmac.catalog.ingest;

import dev.tarmac.catalog.CatalogException;
import dev.tarmac.catalog.CatalogSettings;
import dev.tarmac.catalog.store.LocationRow;
import dev.tarmac.catalog.store.Locations;
import dev.tarmac.shared.TarmacSettings;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Makes the registered config locations match the settings on start-up: new ones are registered,
 * removed ones unregistered (with their entities); the demo organisation is one of them when on.
 */
@Component
public class CatalogBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(CatalogBootstrap.class);
  private final CatalogSettings catalog;
  private final TarmacSettings tarmac;
  private final Registrations registrations;
  private final Locations locations;

  /** Creates the bootstrap. */
  public CatalogBootstrap(
      CatalogSettings catalog,
      TarmacSettings tarmac,
      Registrations registrations,
      Locations locations) {
    this.catalog = catalog;
    this.tarmac = tarmac;
    this.registrations = registrations;
    this.locations = locations;
  }

  @Override
  public void run(ApplicationArguments args) {
    Set<String> wanted = new HashSet<>();
    if (tarmac.demo()) {
      DemoOrganisation.install(tarmac);
      wanted.add(ensure("file", DemoOrganisation.root(tarmac).toString()));
    }
    for (CatalogSettings.LocationSpec spec : catalog.locations()) {
      try {
        wanted.add(ensure(spec.type(), spec.target()));
      } catch (RuntimeException e) {
        log.error(
            "Configured catalog location {}:{} is invalid: {}",
            spec.type(),
            spec.target(),
            e.getMessage());
      }
    }
    for (LocationRow row : locations.all()) {
      if (row.origin().equals("config") && !wanted.contains(row.key())) {
        log.info("Unregistering {}: no longer in tarmac.catalog.locations", row.key());
        registrations.unregister(row.id());
      }
    }
  }

  private String ensure(String type, String target) {
    LocationRow row = Registrations.normalise(type, target, "config");
    if (locations.byKey(row.key()).isEmpty()) {
      try {
        registrations.register(type, target, "config");
        log.info("Registered catalog location {}", row.key());
      } catch (DataIntegrityViolationException | CatalogException e) {
        // another replica starting at the same time registered it first
        log.debug("Location {} was registered concurrently: {}", row.key(), e.getMessage());
      }
    }
    return row.key();
  }
}
