package dev.tarmac.portal.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTokenizerTest {

  static List<String> tokens(String json) {
    return Tokens.of(json, new JsonTokenizer(json).tokens());
  }

  @Test
  void memberNamesAreNamesAndValuesAreTyped() {
    assertThat(tokens("{\"asyncapi\" : \"2.6.0\", \"n\": -1.5e3, \"ok\": [true, null]}"))
        .containsExactly(
            "PUNCTUATION {",
            "NAME \"asyncapi\"",
            "PUNCTUATION :",
            "STRING \"2.6.0\"",
            "PUNCTUATION ,",
            "NAME \"n\"",
            "PUNCTUATION :",
            "NUMBER -1.5e3",
            "PUNCTUATION ,",
            "NAME \"ok\"",
            "PUNCTUATION :",
            "PUNCTUATION [",
            "KEYWORD true",
            "PUNCTUATION ,",
            "KEYWORD null",
            "PUNCTUATION ]",
            "PUNCTUATION }");
  }

  @Test
  void escapedQuotesStayInsideTheString() {
    assertThat(tokens("[\"a \\\" b\"]"))
        .containsExactly("PUNCTUATION [", "STRING \"a \\\" b\"", "PUNCTUATION ]");
  }
}
