package dev.tarmac.portal.highlight;

import java.util.Locale;

/** What a highlighted stretch of text is; each kind has a CSS class in portal.css. */
public enum TokenKind {
  KEYWORD,
  STRING,
  COMMENT,
  NUMBER,
  NAME,
  PUNCTUATION;

  /** The CSS class the stylesheet colours this kind with, e.g. {@code hl-keyword}. */
  public String cssClass() {
    return "hl-" + name().toLowerCase(Locale.ROOT);
  }
}
