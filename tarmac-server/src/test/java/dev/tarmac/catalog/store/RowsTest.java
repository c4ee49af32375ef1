package dev.tarmac.catalog.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RowsTest {

  @Test
  void inListsComeInAFewLengthsPaddedWithTheirLastValue() {
    assertThat(Rows.padded(List.of("a"), Dialect.H2)).containsExactly("a");
    assertThat(Rows.padded(List.of("a", "b"), Dialect.H2)).containsExactly("a", "b");
    assertThat(Rows.padded(List.of("a", "b", "c"), Dialect.H2)).containsExactly("a", "b", "c", "c");
    assertThat(Rows.padded(numbers(5), Dialect.H2)).hasSize(8).endsWith(4, 4, 4, 4);
    assertThat(Rows.padded(numbers(100), Dialect.H2)).hasSize(128);
    assertThat(Rows.padded(numbers(300), Dialect.POSTGRES)).hasSize(500);

    assertThat(lengths(Dialect.H2)).containsExactlyInAnyOrder(1, 2, 4, 8, 16, 32, 64, 128);
    assertThat(lengths(Dialect.POSTGRES))
        .containsExactlyInAnyOrder(1, 2, 4, 8, 16, 32, 64, 128, 256, 500);
  }

  @Test
  void chunksHoldEveryValueOnceAndAtMostTheDialectsLimitOfDistinctValuesEach() {
    List<List<Integer>> chunks = Rows.chunks(numbers(300), Dialect.H2);

    assertThat(chunks).hasSize(3);
    assertThat(chunks.get(0)).isEqualTo(numbers(128));
    assertThat(chunks.get(1)).hasSize(128).startsWith(128).endsWith(255);
    assertThat(chunks.get(2)).hasSize(64).startsWith(256, 257).endsWith(299, 299);
    assertThat(chunks.stream().flatMap(List::stream).distinct().count()).isEqualTo(300);
    assertThat(Rows.chunks(numbers(1_203), Dialect.POSTGRES))
        .extracting(List::size)
        .containsExactly(500, 500, 256);
    assertThat(Rows.chunks(List.of(), Dialect.H2)).isEmpty();
  }

  private static Set<Integer> lengths(Dialect dialect) {
    Set<Integer> lengths = new HashSet<>();
    for (int n = 1; n <= dialect.inListLimit(); n++) {
      List<Integer> padded = Rows.padded(numbers(n), dialect);
      assertThat(padded.subList(0, n)).isEqualTo(numbers(n));
      assertThat(new HashSet<>(padded)).hasSize(n);
      lengths.add(padded.size());
    }
    return lengths;
  }

  private static List<Integer> numbers(int n) {
    return IntStream.range(0, n).boxed().toList();
  }
}
