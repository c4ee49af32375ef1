package dev.tarmac.portal.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProtoTokenizerTest {

  static List<String> tokens(String proto) {
    return Tokens.of(proto, new ProtoTokenizer(proto).tokens());
  }

  @Test
  void syntaxMessagesFieldsAndComments() {
    assertThat(tokens("syntax = \"proto3\";\n// a stop\nmessage Stop { string id = 1; /* x */ }"))
        .containsExactly(
            "KEYWORD syntax",
            "PUNCTUATION =",
            "STRING \"proto3\"",
            "PUNCTUATION ;",
            "COMMENT // a stop",
            "KEYWORD message",
            "NAME Stop",
            "PUNCTUATION {",
            "NAME string",
            "PUNCTUATION =",
            "NUMBER 1",
            "PUNCTUATION ;",
            "COMMENT /* x */",
            "PUNCTUATION }");
  }

  @Test
  void servicesStreamsMapsAndQualifiedTypes() {
    assertThat(
            tokens(
                "rpc Watch(stream Req) returns (google.type.Date);\nmap<string, int64> m = 0x1F;"))
        .containsExactly(
            "KEYWORD rpc",
            "NAME Watch",
            "PUNCTUATION (",
            "KEYWORD stream",
            "NAME Req",
            "PUNCTUATION )",
            "KEYWORD returns",
            "PUNCTUATION (",
            "PUNCTUATION .",
            "PUNCTUATION .",
            "NAME Date",
            "PUNCTUATION )",
            "PUNCTUATION ;",
            "KEYWORD map",
            "PUNCTUATION <",
            "NAME string",
            "PUNCTUATION ,",
            "NAME int64",
            "PUNCTUATION >",
            "PUNCTUATION =",
            "NUMBER 0x1F",
            "PUNCTUATION ;");
  }

  @Test
  void anUnterminatedBlockCommentRunsToTheEnd() {
    assertThat(tokens("enum E { /* open")).endsWith("COMMENT /* open");
  }
}
