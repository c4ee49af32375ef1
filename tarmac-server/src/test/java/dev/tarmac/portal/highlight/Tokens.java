package dev.tarmac.portal.highlight;

import java.util.List;

/** Test helper: tokens as {@code KIND text} strings, easy to compare. */
final class Tokens {

  private Tokens() {}

  static List<String> of(String text, List<Token> tokens) {
    return tokens.stream().map(t -> t.kind() + " " + text.substring(t.start(), t.end())).toList();
  }
}
