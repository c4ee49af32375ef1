package dev.tarmac.portal.highlight;

/**
 * A highlighted stretch of the text; what lies between tokens is plain text.
 *
 * @param kind what it is
 * @param start first character, inclusive
 * @param end last character, exclusive
 */
public record Token(TokenKind kind, int start, int end) {}
