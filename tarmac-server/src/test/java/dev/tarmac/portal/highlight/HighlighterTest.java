package dev.tarmac.portal.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HighlighterTest {

  static final List<String> LANGUAGES = List.of("yaml", "json", "graphql", "proto", "text");
  static final Pattern TAG = Pattern.compile("<span class=\"hl-[a-z]+\">|</span>");

  /** The source text back from highlighted lines: tags dropped, entities decoded. */
  static String text(HighlightedCode code) {
    return String.join(
        "\n",
        code.lines().stream()
            .map(
                l ->
                    TAG.matcher(l)
                        .replaceAll("")
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&#34;", "\"")
                        .replace("&#39;", "'")
                        .replace("&amp;", "&"))
            .toList());
  }

  /** Each line holds only our span tags, balanced, and no other markup. */
  static void assertSafe(HighlightedCode code) {
    for (String line : code.lines()) {
      String rest = TAG.matcher(line).replaceAll("");
      assertThat(rest).as(line).doesNotContain("<", ">", "\"", "'");
      int opened = line.split("<span ", -1).length - 1;
      int closed = line.split("</span>", -1).length - 1;
      assertThat(opened).as(line).isEqualTo(closed);
    }
  }

  @Test
  void languageFollowsTheApiTypeAndForYamlOrJsonTheText() {
    assertThat(Highlighter.languageOf("asyncapi", "asyncapi: 2.6.0")).isEqualTo("yaml");
    assertThat(Highlighter.languageOf("AsyncAPI", "\n  {\"asyncapi\": \"2.6.0\"}"))
        .isEqualTo("json");
    assertThat(Highlighter.languageOf("openapi", "openapi: 3.1.0")).isEqualTo("yaml");
    assertThat(Highlighter.languageOf("graphql", "type Q {}")).isEqualTo("graphql");
    assertThat(Highlighter.languageOf("grpc", "syntax = \"proto3\";")).isEqualTo("proto");
    assertThat(Highlighter.languageOf("trpc", "anything")).isEqualTo("text");
  }

  @Test
  void tokensBecomeSpansAndLinesStayBalanced() {
    HighlightedCode code =
        Highlighter.highlight("graphql", "\"\"\"\nDoc\n\"\"\"\ntype A { b: Int }\n");
    assertThat(code.lines())
        .containsExactly(
            "<span class=\"hl-string\">&#34;&#34;&#34;</span>",
            "<span class=\"hl-string\">Doc</span>",
            "<span class=\"hl-string\">&#34;&#34;&#34;</span>",
            "<span class=\"hl-keyword\">type</span> <span class=\"hl-name\">A</span> "
                + "<span class=\"hl-punctuation\">{</span> b<span class=\"hl-punctuation\">:</span>"
                + " <span class=\"hl-name\">Int</span> <span class=\"hl-punctuation\">}</span>");
  }

  @Test
  void markupInsideADefinitionComesOutEscaped() {
    String evil = "# </code><script>alert(1)</script>\ntype X { a: String @d(r: \"</pre>&amp;\") }";
    for (String language : LANGUAGES) {
      HighlightedCode code = Highlighter.highlight(language, evil);
      assertSafe(code);
      String html = String.join("\n", code.lines());
      assertThat(html).doesNotContain("<script", "</code>", "</pre>");
      assertThat(TAG.matcher(html).replaceAll(""))
          .isEqualTo(
              "# &lt;/code&gt;&lt;script&gt;alert(1)&lt;/script&gt;\ntype X { a: String"
                  + " @d(r: &#34;&lt;/pre&gt;&amp;amp;&#34;) }");
      assertThat(text(code)).isEqualTo(evil);
    }
  }

  @Test
  void unknownLanguagesAreEscapedPlainText() {
    HighlightedCode code = Highlighter.highlight("text", "a < b\r\nc & d");
    assertThat(code.lines()).containsExactly("a &lt; b", "c &amp; d");
  }

  @Test
  void emptyTextIsOneEmptyLine() {
    assertThat(Highlighter.highlight("yaml", "").lines()).containsExactly("");
  }

  @Test
  void randomTextNeverBreaksTheTokenizersOrTheEscaping() {
    Random random = new Random(20261123);
    String alphabet = "ab Z9_-.:#/*\"'\\{}[](),|>&!@$%~<=\n\t\r`;+e";
    for (int run = 0; run < 2_000; run++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(60);
      for (int i = 0; i < length; i++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String source = s.toString();
      for (String language : LANGUAGES) {
        HighlightedCode code = Highlighter.highlight(language, source);
        assertSafe(code);
        String expected = source.replace("\r\n", "\n").replace('\r', '\n');
        assertThat(text(code))
            .as("%s: %s", language, source)
            .isEqualTo(
                expected.endsWith("\n") ? expected.substring(0, expected.length() - 1) : expected);
      }
    }
  }
}
