package dev.tarmac.portal.highlight;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * YAML, line by line: keys, scalars (strings, numbers, true/false/null), block scalars, comments,
 * anchors, tags and the indicators. Enough to read a definition, not a YAML parser: text it does
 * not understand is coloured as a plain scalar.
 */
final class YamlTokenizer extends Lexer {

  private static final Set<String> LITERALS =
      Set.of("true", "false", "null", "True", "False", "Null", "TRUE", "FALSE", "NULL", "~");
  private static final Pattern NUMBER =
      Pattern.compile(
          "[-+]?(\\d[\\d_]*(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?|0x[0-9a-fA-F]+|0o[0-7]+"
              + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
  private static final String FLOW = ",[]{}";

  private int flow;
  private int blockParent = -1;

  YamlTokenizer(String text) {
    super(text);
  }

  @Override
  protected void run() {
    while (more()) {
      line();
      if (peek() == '\n') {
        pos++;
      }
    }
  }

  private void line() {
    int lineStart = pos;
    while (peek() == ' ' || peek() == '\t') {
      pos++;
    }
    int indent = pos - lineStart;
    if (blockParent >= 0) {
      if (!more() || peek() == '\n') {
        return; // blank lines belong to the block scalar
      }
      if (indent > blockParent) {
        int start = pos;
        toLineEnd();
        add(TokenKind.STRING, start, pos);
        return;
      }
      blockParent = -1;
    }
    if (flow == 0 && indent == 0 && (startsWith("---") || startsWith("..."))) {
      if (isBreak(at(pos + 3))) {
        add(TokenKind.PUNCTUATION, pos, pos + 3);
        pos += 3;
      }
    } else if (flow == 0 && indent == 0 && peek() == '%') {
      toLineEnd();
      add(TokenKind.KEYWORD, lineStart, pos);
      return;
    }
    rest(indent);
  }

  private void rest(int indent) {
    while (more() && peek() != '\n') {
      char c = peek();
      int start = pos;
      if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
      } else if (c == '#' && (start == 0 || isBreak(at(start - 1)))) {
        toLineEnd();
        add(TokenKind.COMMENT, start, pos);
      } else if ((c == '-' || c == '?' || c == ':') && isBreak(at(pos + 1))) {
        pos++;
        add(TokenKind.PUNCTUATION, start, pos);
      } else if (FLOW.indexOf(c) >= 0 && (flow > 0 || c != ',')) {
        flow = c == '[' || c == '{' ? flow + 1 : c == ',' ? flow : Math.max(0, flow - 1);
        pos++;
        add(TokenKind.PUNCTUATION, start, pos);
      } else if (c == '"' || c == '\'') {
        if (c == '"') {
          quoted('"');
        } else {
          singleQuoted();
        }
        add(isKey() ? TokenKind.NAME : TokenKind.STRING, start, pos);
      } else if (c == '|' || c == '>') {
        pos++;
        while (more() && "+-0123456789".indexOf(peek()) >= 0) {
          pos++;
        }
        add(TokenKind.PUNCTUATION, start, pos);
        blockParent = indent;
      } else if (c == '&' || c == '*' || c == '!') {
        while (more() && !isBreak(peek()) && (flow == 0 || FLOW.indexOf(peek()) < 0)) {
          pos++;
        }
        add(c == '!' ? TokenKind.KEYWORD : TokenKind.NAME, start, pos);
      } else {
        plain();
      }
    }
  }

  // A plain scalar runs to ": ", " #", the line end or, inside [ ] and { }, a flow indicator.
  private void plain() {
    int start = pos;
    while (more() && peek() != '\n') {
      char c = peek();
      if (c == ':' && (isBreak(at(pos + 1)) || (flow > 0 && FLOW.indexOf(at(pos + 1)) >= 0))) {
        break;
      }
      if ((c == '#' && isBreak(at(pos - 1))) || (flow > 0 && FLOW.indexOf(c) >= 0)) {
        break;
      }
      pos++;
    }
    if (pos == start) {
      pos++; // a lone indicator the rules above did not take: keep moving
    }
    int end = pos;
    while (end > start && isBreak(at(end - 1))) {
      end--;
    }
    String value = text.substring(start, end);
    TokenKind kind =
        peek() == ':'
            ? TokenKind.NAME
            : LITERALS.contains(value)
                ? TokenKind.KEYWORD
                : NUMBER.matcher(value).matches() ? TokenKind.NUMBER : TokenKind.STRING;
    add(kind, start, end);
  }

  // 'it''s': a doubled quote is the only escape.
  private void singleQuoted() {
    pos++;
    while (more() && !(peek() == '\'' && at(pos + 1) != '\'')) {
      pos += peek() == '\'' ? 2 : 1;
    }
    pos = Math.min(pos + 1, text.length());
  }

  private boolean isKey() {
    int i = pos;
    while (at(i) == ' ' || at(i) == '\t') {
      i++;
    }
    return at(i) == ':' && (isBreak(at(i + 1)) || flow > 0);
  }

  private static boolean isBreak(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0';
  }
}
