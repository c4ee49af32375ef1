package dev.tarmac.sdk.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The benchmark profiles shipped as data ({@code profiles.json}); {@code dora-2023} is default. */
public final class Profiles {

  /** The default profile's name. */
  public static final String DEFAULT = "dora-2023";

  private static final Map<String, Profile> BUILT_IN = load();

  private Profiles() {}

  /** The profile with this name. */
  public static Optional<Profile> named(String name) {
    return Optional.ofNullable(BUILT_IN.get(name == null ? DEFAULT : name));
  }

  /** The default profile. */
  public static Profile standard() {
    return BUILT_IN.get(DEFAULT);
  }

  /** The names of all profiles. */
  public static List<String> names() {
    return List.copyOf(BUILT_IN.keySet());
  }

  /** Reads profiles from a JSON object keyed by profile name. */
  public static Map<String, Profile> read(InputStream json) {
    JsonNode root = JsonMapper.shared().readTree(json);
    Map<String, Profile> profiles = new LinkedHashMap<>();
    for (var e : root.properties()) {
      JsonNode p = e.getValue();
      List<Profile.FrequencyRule> rules = new ArrayList<>();
      for (JsonNode r : p.get("deploymentFrequency")) {
        rules.add(
            new Profile.FrequencyRule(
                Band.of(r.get("band").asString()),
                r.get("per").asString(),
                r.get("atLeast").asDouble()));
      }
      profiles.put(
          e.getKey(),
          new Profile(
              e.getKey(),
              List.copyOf(rules),
              durations(p.get("leadTimeBelow")),
              new Profile.Tiers<>(
                  p.get("changeFailureRateAtMost").get("elite").asDouble(),
                  p.get("changeFailureRateAtMost").get("high").asDouble(),
                  p.get("changeFailureRateAtMost").get("medium").asDouble()),
              durations(p.get("recoveryTimeBelow"))));
    }
    return profiles;
  }

  private static Profile.Tiers<Duration> durations(JsonNode n) {
    return new Profile.Tiers<>(
        Duration.parse(n.get("elite").asString()),
        Duration.parse(n.get("high").asString()),
        Duration.parse(n.get("medium").asString()));
  }

  private static Map<String, Profile> load() {
    try (InputStream in = Profiles.class.getResourceAsStream("profiles.json")) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
