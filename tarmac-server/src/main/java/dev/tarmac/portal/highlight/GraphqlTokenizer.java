package dev.tarmac.portal.highlight;

import java.util.Set;

/** GraphQL SDL and documents: keywords, type names, directives, strings, comments, numbers. */
final class GraphqlTokenizer extends Lexer {

  private static final Set<String> KEYWORDS =
      Set.of(
          "type",
          "interface",
          "enum",
          "input",
          "union",
          "scalar",
          "schema",
          "extend",
          "directive",
          "implements",
          "repeatable",
          "on",
          "query",
          "mutation",
          "subscription",
          "fragment",
          "true",
          "false",
          "null");
  private static final Set<String> BUILT_IN_TYPES = Set.of("ID", "Int", "Float");

  GraphqlTokenizer(String text) {
    super(text);
  }

  @Override
  protected void run() {
    while (more()) {
      char c = peek();
      int start = pos;
      if (c == '#') {
        toLineEnd();
        add(TokenKind.COMMENT, start, pos);
      } else if (startsWith("\"\"\"")) {
        blockString();
        add(TokenKind.STRING, start, pos);
      } else if (c == '"') {
        quoted('"');
        add(TokenKind.STRING, start, pos);
      } else if (isDigit(c) || (c == '-' && isDigit(at(pos + 1)))) {
        number();
        add(TokenKind.NUMBER, start, pos);
      } else if (c == '@' && isNameStart(at(pos + 1))) {
        pos++;
        word();
        add(TokenKind.KEYWORD, start, pos);
      } else if (isNameStart(c)) {
        String w = word();
        if (KEYWORDS.contains(w)) {
          add(TokenKind.KEYWORD, start, pos);
        } else if (isTypeName(w) || BUILT_IN_TYPES.contains(w)) {
          add(TokenKind.NAME, start, pos);
        }
      } else if (startsWith("...")) {
        pos += 3;
        add(TokenKind.PUNCTUATION, start, pos);
      } else if ("{}()[]:!=|&$,".indexOf(c) >= 0) {
        pos++;
        add(TokenKind.PUNCTUATION, start, pos);
      } else {
        pos++;
      }
    }
  }

  // """ … """ with \""" as the only escape.
  private void blockString() {
    pos += 3;
    while (more() && !startsWith("\"\"\"")) {
      pos += startsWith("\\\"\"\"") ? 4 : 1;
    }
    pos = Math.min(pos + 3, text.length());
  }
}
