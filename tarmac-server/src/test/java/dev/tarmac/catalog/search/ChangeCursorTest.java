package dev.tarmac.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangeCursorTest {

  @Test
  void advancesOverContiguousIdsAndNeverAcceptsAnIdTwice() {
    ChangeCursor c = new ChangeCursor(10);
    assertThat(c.accept(11)).isTrue();
    assertThat(c.accept(12)).isTrue();
    assertThat(c.accept(12)).isFalse();
    c.advance(0);
    assertThat(c.from()).isEqualTo(12);
    assertThat(c.accept(12)).isFalse();
  }

  @Test
  void waitsAtAGapForALateCommitThenGivesUpOnIt() {
    ChangeCursor c = new ChangeCursor(0);
    c.accept(1);
    c.accept(3);
    c.advance(1_000);
    assertThat(c.from()).isEqualTo(1);
    assertThat(c.accept(3)).isFalse();
    assertThat(c.accept(2)).isTrue();
    c.advance(2_000);
    assertThat(c.from()).isEqualTo(3);

    c.accept(5);
    c.advance(10_000);
    assertThat(c.from()).isEqualTo(3);
    c.advance(40_001);
    assertThat(c.from()).isEqualTo(5);
  }
}
