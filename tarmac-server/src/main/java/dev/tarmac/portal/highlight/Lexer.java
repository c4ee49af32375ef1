package dev.tarmac.portal.highlight;

import java.util.ArrayList;
import java.util.List;

/**
 * The shared part of the hand-written tokenizers: a cursor over the text and the tokens found so
 * far. Tokenizers never fail: text they cannot classify stays plain.
 */
abstract class Lexer {

  protected final String text;
  protected int pos;
  private final List<Token> tokens = new ArrayList<>();

  Lexer(String text) {
    this.text = text;
  }

  /** Moves through the whole text, adding tokens. */
  protected abstract void run();

  /** The tokens of the text, in order, not overlapping. */
  final List<Token> tokens() {
    run();
    return tokens;
  }

  protected final boolean more() {
    return pos < text.length();
  }

  protected final char at(int i) {
    return i >= 0 && i < text.length() ? text.charAt(i) : '\0';
  }

  protected final char peek() {
    return at(pos);
  }

  protected final boolean startsWith(String s) {
    return text.startsWith(s, pos);
  }

  protected final void add(TokenKind kind, int start, int end) {
    if (end > start) {
      tokens.add(new Token(kind, start, end));
    }
  }

  /** Moves to the end of the line (before the line break). */
  protected final void toLineEnd() {
    while (more() && peek() != '\n') {
      pos++;
    }
  }

  /** Reads a string opened at {@code pos}, backslash escapes, possibly over several lines. */
  protected final void quoted(char quote) {
    pos++;
    while (more() && peek() != quote) {
      pos += peek() == '\\' ? 2 : 1;
    }
    pos = Math.min(pos + 1, text.length());
  }

  /** Reads a run of letters, digits and underscores starting at {@code pos}. */
  protected final String word() {
    int start = pos;
    while (more() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
      pos++;
    }
    return text.substring(start, pos);
  }

  /** Reads a number starting at {@code pos}: digits, a fraction, an exponent, hex digits. */
  protected final void number() {
    if (peek() == '-' || peek() == '+') {
      pos++;
    }
    while (more()
        && (Character.isLetterOrDigit(peek())
            || peek() == '.'
            || peek() == '_'
            || ((peek() == '-' || peek() == '+') && (at(pos - 1) == 'e' || at(pos - 1) == 'E')))) {
      pos++;
    }
  }

  protected static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  protected static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  /** A type-like name: upper case first, then a lower-case letter or nothing (not ENUM_VALUE). */
  protected static boolean isTypeName(String w) {
    return !w.isEmpty()
        && Character.isUpperCase(w.charAt(0))
        && (w.length() == 1 || w.chars().anyMatch(Character::isLowerCase));
  }
}
