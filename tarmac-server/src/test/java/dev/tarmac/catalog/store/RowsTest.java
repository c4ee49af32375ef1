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
    assertThat(Rows.padded(numbers(300))).hasSize(Rows.CHUNK);

    Set<Integer> lengths = new HashSet<>();
    for (int n = 1; n <= Rows.CHUNK; n++) {
      List<Integer> padded = Rows.padded(numbers(n));
      assertThat(padded.subList(0, n)).isEqualTo(numbers(n));
      assertThat(new HashSet<>(padded)).hasSize(n);
      lengths.add(padded.size());
    }
    assertThat(lengths).containsExactlyInAnyOrder(1, 2, 4, 8, 16, 32, 64, 128, 256, 500);
  }

  @Test
  void chunksHoldEveryValueOnceAtMostChunkDistinctValuesEach() {
    List<List<Integer>> chunks = Rows.chunks(numbers(1_203));

    assertThat(chunks).hasSize(3);
    assertThat(chunks.get(0)).isEqualTo(numbers(500));
    assertThat(chunks.get(1)).hasSize(500).startsWith(500).endsWith(999);
    assertThat(chunks.get(2)).hasSize(256).startsWith(1_000, 1_001).endsWith(1_202, 1_202);
    assertThat(chunks.stream().flatMap(List::stream).distinct().count()).isEqualTo(1_203);
    assertThat(Rows.chunks(List.of())).isEmpty();
  }

  private static List<Integer> numbers(int n) {
    return IntStream.range(0, n).boxed().toList();
  }
}
