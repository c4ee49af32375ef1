package dev.tarmac.portal.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GraphqlTokenizerTest {

  static List<String> tokens(String sdl) {
    return Tokens.of(sdl, new GraphqlTokenizer(sdl).tokens());
  }

  @Test
  void typesFieldsArgumentsAndDirectives() {
    assertThat(
            tokens(
                "type Stop implements Node {\n  id: ID!\n  eta(tz: String = \"UTC\"): Int @deprecated\n}"))
        .containsExactly(
            "KEYWORD type",
            "NAME Stop",
            "KEYWORD implements",
            "NAME Node",
            "PUNCTUATION {",
            "PUNCTUATION :",
            "NAME ID",
            "PUNCTUATION !",
            "PUNCTUATION (",
            "PUNCTUATION :",
            "NAME String",
            "PUNCTUATION =",
            "STRING \"UTC\"",
            "PUNCTUATION )",
            "PUNCTUATION :",
            "NAME Int",
            "KEYWORD @deprecated",
            "PUNCTUATION }");
  }

  @Test
  void commentsBlockStringsNumbersAndEnumValues() {
    String sdl = "# c\n\"\"\"\nDoc \\\"\"\" \"\"\"\nenum Code { LATE_ARRIVAL }\nx(n: 12) ...on";
    assertThat(tokens(sdl))
        .containsExactly(
            "COMMENT # c",
            "STRING \"\"\"\nDoc \\\"\"\" \"\"\"",
            "KEYWORD enum",
            "NAME Code",
            "PUNCTUATION {",
            "PUNCTUATION }",
            "PUNCTUATION (",
            "PUNCTUATION :",
            "NUMBER 12",
            "PUNCTUATION )",
            "PUNCTUATION ...",
            "KEYWORD on");
  }
}
