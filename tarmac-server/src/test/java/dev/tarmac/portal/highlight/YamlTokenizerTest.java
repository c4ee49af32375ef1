package dev.tarmac.portal.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlTokenizerTest {

  static List<String> tokens(String yaml) {
    return Tokens.of(yaml, new YamlTokenizer(yaml).tokens());
  }

  @Test
  void keysScalarsAndComments() {
    assertThat(tokens("title: Telematics # the name\nversion: 1.3\nretain: true\n"))
        .containsExactly(
            "NAME title",
            "PUNCTUATION :",
            "STRING Telematics",
            "COMMENT # the name",
            "NAME version",
            "PUNCTUATION :",
            "NUMBER 1.3",
            "NAME retain",
            "PUNCTUATION :",
            "KEYWORD true");
  }

  @Test
  void quotedKeysAndValuesAndAHashInsideAValue() {
    assertThat(tokens("'$ref': \"#/components/x\"\nurl: http://h/a#b\n"))
        .containsExactly(
            "NAME '$ref'",
            "PUNCTUATION :",
            "STRING \"#/components/x\"",
            "NAME url",
            "PUNCTUATION :",
            "STRING http://h/a#b");
  }

  @Test
  void sequencesFlowCollectionsAnchorsAndTags() {
    assertThat(tokens("- a\nreq: [x, 2]\nbase: &b !!map {k: v}\nuse: *b\n"))
        .containsExactly(
            "PUNCTUATION -",
            "STRING a",
            "NAME req",
            "PUNCTUATION :",
            "PUNCTUATION [",
            "STRING x",
            "PUNCTUATION ,",
            "NUMBER 2",
            "PUNCTUATION ]",
            "NAME base",
            "PUNCTUATION :",
            "NAME &b",
            "KEYWORD !!map",
            "PUNCTUATION {",
            "NAME k",
            "PUNCTUATION :",
            "STRING v",
            "PUNCTUATION }",
            "NAME use",
            "PUNCTUATION :",
            "NAME *b");
  }

  @Test
  void aBlockScalarIsOneStringPerLineUntilTheIndentDrops() {
    String yaml = "info:\n  description: |\n    line: one # not a comment\n\n    two\n  title: T\n";
    assertThat(tokens(yaml))
        .containsExactly(
            "NAME info",
            "PUNCTUATION :",
            "NAME description",
            "PUNCTUATION :",
            "PUNCTUATION |",
            "STRING line: one # not a comment",
            "STRING two",
            "NAME title",
            "PUNCTUATION :",
            "STRING T");
  }

  @Test
  void documentMarkersAndDirectives() {
    assertThat(tokens("%YAML 1.2\n---\na: ~\n...\n"))
        .containsExactly(
            "KEYWORD %YAML 1.2",
            "PUNCTUATION ---", "NAME a", "PUNCTUATION :", "KEYWORD ~", "PUNCTUATION ...");
  }

  @Test
  void strayIndicatorsNeverStopTheTokenizer() {
    assertThat(tokens("{a:,: ]]]}:x\n'unterminated")).isNotEmpty();
  }
}
