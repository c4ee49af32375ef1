package dev.tarmac.sdk.scaffolder;

import java.util.Comparator;
import java.util.Map;

/** Replaces secret values in log text with {@code ***}. */
final class Masking {

  private Masking() {}

  static RunListener wrap(RunListener inner, Map<String, String> secrets) {
    return new RunListener() {
      @Override
      public void log(String stepId, String message) {
        inner.log(stepId, mask(message, secrets));
      }

      @Override
      public void step(String stepId, String status) {
        inner.step(stepId, status);
      }
    };
  }

  static String mask(String text, Map<String, String> secrets) {
    String out = text == null ? "" : text;
    for (String s :
        secrets.values().stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList()) {
      if (s != null && s.length() >= 3) {
        out = out.replace(s, "***");
      }
    }
    return out;
  }
}
