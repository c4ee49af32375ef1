package dev.tarmac.catalog.ingest;

import dev.tarmac.catalog.CatalogSettings;
import dev.tarmac.sdk.catalog.EntityValidator;
import dev.tarmac.shared.TarmacSettings;
import java.util.HashMap;
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
  EntityProcessor entityProcessor(
      EntityValidator validator, SourceReaders readers, CatalogRules rules) {
    return new EntityProcessor(validator, readers, rules);
  }

  @Bean
  ReplicaId replicaId(TarmacSettings settings) {
    String id = settings.instanceId();
    return new ReplicaId(id == null || id.isBlank() ? UUID.randomUUID().toString() : id);
  }
}
