package dev.tarmac.portal.highlight;

import java.util.Set;

/** JSON: member names, strings, numbers, true/false/null and punctuation. */
final class JsonTokenizer extends Lexer {

  private static final Set<String> LITERALS = Set.of("true", "false", "null");

  JsonTokenizer(String text) {
    super(text);
  }

  @Override
  protected void run() {
    while (more()) {
      char c = peek();
      int start = pos;
      if (c == '"') {
        quoted('"');
        add(isMemberName() ? TokenKind.NAME : TokenKind.STRING, start, pos);
      } else if (isDigit(c) || (c == '-' && isDigit(at(pos + 1)))) {
        number();
        add(TokenKind.NUMBER, start, pos);
      } else if (isNameStart(c)) {
        String w = word();
        if (LITERALS.contains(w)) {
          add(TokenKind.KEYWORD, start, pos);
        }
      } else if ("{}[]:,".indexOf(c) >= 0) {
        pos++;
        add(TokenKind.PUNCTUATION, start, pos);
      } else {
        pos++;
      }
    }
  }

  // A string is a member name when a colon follows it.
  private boolean isMemberName() {
    int i = pos;
    while (Character.isWhitespace(at(i))) {
      i++;
    }
    return at(i) == ':';
  }
}
