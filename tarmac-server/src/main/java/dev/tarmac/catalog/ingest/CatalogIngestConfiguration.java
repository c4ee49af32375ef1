package dev.tarmac.catalog.ingest;

import dev.tarmac.catalog.CatalogSettings;
import dev.tarmac.catalog.store.LocationRow;
import dev.tarmac.sdk.catalog.EntityValidator;
import dev.tarmac.shared.ReadingSettings;
import dev.tarmac.shared.TarmacSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the pure processing parts (validator, rules, processor) and this replica's id. */
@Configuration(proxyBeanMethods = false)
class CatalogIngestConfiguration {

  @Bean
  EntityValidator entityValidator() {
    return EntityValidator.standard();
  }

  @Bean
  CatalogRules catalogRules(CatalogSettings catalog, TarmacSettings tarmac) {
    Map<CatalogSettings.LocationSpec, String> keys = new HashMap<>();
    for (CatalogSettings.LocationSpec spec : catalog.locations()) {
      try {
        keys.put(spec, Registrations.normalise(spec.type(), spec.target(), "config").key());
      } catch (RuntimeException e) {
        // reported by CatalogBootstrap, which names the bad location
      }
    }
    CatalogRules rules = new CatalogRules(catalog, keys);
    if (tarmac.demo()) {
      rules.allowFrom("file:" + DemoOrganisation.root(tarmac), DemoOrganisation.KINDS);
    }
    return rules;
  }

  @Bean
  FileRoots fileRoots(CatalogSettings catalog, TarmacSettings tarmac, ReadingSettings reading) {
    List<Path> roots =
        reading.fileRoots() == null ? List.of(tarmac.dataDir()) : reading.fileRoots();
    Map<String, String> configured = new HashMap<>();
    for (CatalogSettings.LocationSpec spec : catalog.locations()) {
      try {
        LocationRow row = Registrations.normalise(spec.type(), spec.target(), "config");
        configured.put(row.key(), row.type().equals("file") ? row.target() : "");
      } catch (RuntimeException e) {
        // reported by CatalogBootstrap, which names the bad location
      }
    }
    if (tarmac.demo()) {
      Path demo = DemoOrganisation.root(tarmac);
      configured.put("file:" + demo, demo.toString());
    }
    return new FileRoots(roots, configured);
  }

  @Bean
  EntityProcessor entityProcessor(
      EntityValidator validator, SourceReaders readers, CatalogRules rules, FileRoots roots) {
    return new EntityProcessor(validator, readers, rules, roots);
  }

  @Bean
  ReplicaId replicaId(TarmacSettings settings) {
    String id = settings.instanceId();
    return new ReplicaId(id == null || id.isBlank() ? UUID.randomUUID().toString() : id);
  }
}
