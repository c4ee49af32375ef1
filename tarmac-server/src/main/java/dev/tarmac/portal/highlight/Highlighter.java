package dev.tarmac.portal.highlight;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns an API definition into escaped, highlighted HTML lines for the entity page. */
public final class Highlighter {

  private Highlighter() {}

  /**
   * The language an API definition of a given {@code spec.type} is written in: yaml or json
   * (openapi, asyncapi: whichever the text is), graphql, proto (grpc) or text (anything else).
   */
  public static String languageOf(String apiType, String text) {
    return switch (apiType.toLowerCase(Locale.ROOT)) {
      case "openapi", "asyncapi" -> looksLikeJson(text) ? "json" : "yaml";
      case "graphql" -> "graphql";
      case "grpc", "protobuf", "proto" -> "proto";
      default -> "text";
    };
  }

  /** Highlights text in a language named by {@link #languageOf}; unknown ones stay plain. */
  public static HighlightedCode highlight(String language, String text) {
    String source = text.replace("\r\n", "\n").replace('\r', '\n');
    List<Token> tokens =
        switch (language) {
          case "yaml" -> new YamlTokenizer(source).tokens();
          case "json" -> new JsonTokenizer(source).tokens();
          case "graphql" -> new GraphqlTokenizer(source).tokens();
          case "proto" -> new ProtoTokenizer(source).tokens();
          default -> List.of();
        };
    return new HighlightedCode(language, lines(source, tokens));
  }

  // Writes the text line by line; a token spanning lines is closed at each line end and reopened
  // on the next line, so every line is balanced HTML.
  static List<String> lines(String source, List<Token> tokens) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int t = 0;
    TokenKind open = null;
    for (int i = 0; i < source.length(); i++) {
      while (t < tokens.size() && tokens.get(t).end() <= i) {
        t++;
      }
      TokenKind kind =
          t < tokens.size() && tokens.get(t).start() <= i ? tokens.get(t).kind() : null;
      char c = source.charAt(i);
      if (c == '\n') {
        if (open != null) {
          line.append("</span>");
          open = null;
        }
        lines.add(line.toString());
        line.setLength(0);
        continue;
      }
      if (kind != open || (kind != null && tokens.get(t).start() == i)) {
        if (open != null) {
          line.append("</span>");
        }
        if (kind != null) {
          line.append("<span class=\"").append(kind.cssClass()).append("\">");
        }
        open = kind;
      }
      escape(c, line);
    }
    if (open != null) {
      line.append("</span>");
    }
    if (!line.isEmpty() || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  private static void escape(char c, StringBuilder out) {
    switch (c) {
      case '<' -> out.append("&lt;");
      case '>' -> out.append("&gt;");
      case '&' -> out.append("&amp;");
      case '"' -> out.append("&#34;");
      case '\'' -> out.append("&#39;");
      default -> out.append(c);
    }
  }

  private static boolean looksLikeJson(String text) {
    String t = text.stripLeading();
    return t.startsWith("{") || t.startsWith("[");
  }
}
