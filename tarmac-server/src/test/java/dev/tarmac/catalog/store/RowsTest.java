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
    assertThat(Rows.padded(List.of("a"))).containsExactly("a");
    assertThat(Rows.padded(List.of("a", "b"))).containsExactly("a", "b");
    assertThat(Rows.padded(List.of("a", "b", "c"))).containsExactly("a", "b", "c", "c");
    assertThat(Rows.padded(numbers(5))).hasSize(8).endsWith(4, 4, 4, 4);
    assertThat(Rows.padded(numbers(100))).hasSize(Rows.CHUNK);

    Set<Integer> lengths = new HashSet<>();
    for (int n = 1; n <= Rows.CHUNK; n++) {
      List<Integer> padded = Rows.padded(numbers(n));
      assertThat(padded.subList(0, n)).isEqualTo(numbers(n));
      assertThat(new HashSet<>(padded)).hasSize(n);
      lengths.add(padded.size());
    }
    assertThat(lengths).containsExactlyInAnyOrder(1, 2, 4, 8, 16, 32, 64, 128);
  }

  @Test
  void chunksHoldEveryValueOnceAtMostChunkDistinctValuesEach() {
    List<List<Integer>> chunks = Rows.chunks(numbers(300));

    assertThat(chunks).hasSize(3);
    assertThat(chunks.get(0)).isEqualTo(numbers(128));
    assertThat(chunks.get(1)).hasSize(128).startsWith(128).endsWith(255);
    assertThat(chunks.get(2)).hasSize(64).startsWith(256, 257).endsWith(299, 299);
    assertThat(chunks.stream().flatMap(List::stream).distinct().count()).isEqualTo(300);
    assertThat(Rows.chunks(List.of())).isEmpty();
  }

  private static List<Integer> numbers(int n) {
    return IntStream.range(0, n).boxed().toList();
  }
}
