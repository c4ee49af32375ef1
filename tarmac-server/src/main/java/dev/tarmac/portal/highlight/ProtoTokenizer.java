package dev.tarmac.portal.highlight;

import java.util.Set;

/** Protocol Buffers (proto2, proto3, editions): keywords, types, strings, comments, numbers. */
final class ProtoTokenizer extends Lexer {

  private static final Set<String> KEYWORDS =
      Set.of(
          "syntax",
          "edition",
          "package",
          "import",
          "weak",
          "public",
          "option",
          "message",
          "enum",
          "service",
          "rpc",
          "returns",
          "stream",
          "oneof",
          "map",
          "repeated",
          "optional",
          "required",
          "reserved",
          "extensions",
          "extend",
          "to",
          "max",
          "group",
          "true",
          "false",
          "inf",
          "nan");
  private static final Set<String> SCALARS =
      Set.of(
          "double",
          "float",
          "int32",
          "int64",
          "uint32",
          "uint64",
          "sint32",
          "sint64",
          "fixed32",
          "fixed64",
          "sfixed32",
          "sfixed64",
          "bool",
          "string",
          "bytes");

  ProtoTokenizer(String text) {
    super(text);
  }

  @Override
  protected void run() {
    while (more()) {
      char c = peek();
      int start = pos;
      if (startsWith("//")) {
        toLineEnd();
        add(TokenKind.COMMENT, start, pos);
      } else if (startsWith("/*")) {
        int end = text.indexOf("*/", pos + 2);
        pos = end < 0 ? text.length() : end + 2;
        add(TokenKind.COMMENT, start, pos);
      } else if (c == '"' || c == '\'') {
        quoted(c);
        add(TokenKind.STRING, start, pos);
      } else if (isDigit(c)
          || (c == '-' && isDigit(at(pos + 1)))
          || (c == '.' && isDigit(at(pos + 1)))) {
        number();
        add(TokenKind.NUMBER, start, pos);
      } else if (isNameStart(c)) {
        String w = word();
        if (KEYWORDS.contains(w)) {
          add(TokenKind.KEYWORD, start, pos);
        } else if (SCALARS.contains(w) || isTypeName(w)) {
          add(TokenKind.NAME, start, pos);
        }
      } else if ("{}()[]<>;=,.".indexOf(c) >= 0) {
        pos++;
        add(TokenKind.PUNCTUATION, start, pos);
      } else {
        pos++;
      }
    }
  }
}
