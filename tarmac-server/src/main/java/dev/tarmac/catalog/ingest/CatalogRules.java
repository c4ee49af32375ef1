package dev.tarmac.catalog.ingest;

import dev.tarmac.catalog.CatalogSettings;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which kinds an entity may have given where it came from: global rules apply everywhere, a
 * configured location's own rules apply to everything read through it.
 */
public final class CatalogRules {

  private final Set<String> global = new HashSet<>();
  private final Map<String, Set<String>> perOrigin = new HashMap<>();

  /** Builds the rules from settings; {@code resolvedKeys} maps config locations to their keys. */
  public CatalogRules(CatalogSettings settings, Map<CatalogSettings.LocationSpec, String> keys) {
    settings.rules().forEach(r -> r.allow().forEach(k -> global.add(lower(k))));
    keys.forEach(
        (spec, key) -> {
          Set<String> kinds = perOrigin.computeIfAbsent(key, k -> new HashSet<>());
          spec.rules().forEach(r -> r.allow().forEach(k -> kinds.add(lower(k))));
        });
  }

  /** Adds rules for a location registered by Tarmac itself (the demo organisation). */
  public void allowFrom(String originKey, Set<String> kinds) {
    Set<String> set = perOrigin.computeIfAbsent(originKey, k -> new HashSet<>());
    kinds.forEach(k -> set.add(lower(k)));
  }

  /** Whether an entity of {@code kind} read under {@code originKey} may be stored. */
  public boolean allows(String kind, String originKey) {
    String k = lower(kind);
    if (global.contains(k)) {
      return true;
    }
    Set<String> own = originKey == null ? null : perOrigin.get(originKey);
    return own != null && own.contains(k);
  }

  /** A text that changes whenever the rules do (part of a location's source fingerprint). */
  public String fingerprint() {
    Map<String, Set<String>> origins = new TreeMap<>();
    perOrigin.forEach((key, kinds) -> origins.put(key, new TreeSet<>(kinds)));
    return new TreeSet<>(global) + " " + origins;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
