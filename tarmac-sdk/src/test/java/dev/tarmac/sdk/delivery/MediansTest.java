package dev.tarmac.sdk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Medians by selection agree with medians of the sorted values, odd and even counts alike. */
class MediansTest {

  @Test
  void selectionGivesTheSortedMedians() {
    Random r = new Random(7);
    for (int round = 0; round < 500; round++) {
      int n = 1 + r.nextInt(round < 50 ? 4 : 2_000);
      long[] v = new long[n];
      // Few distinct values (ties) in some rounds, large durations in others.
      long range = round % 3 == 0 ? 5 : round % 3 == 1 ? 86_400L * 365 : 1L << 50;
      for (int i = 0; i < n; i++) {
        v[i] = (long) (r.nextDouble() * range);
      }
      double[] both = Medians.both(v.clone());
      assertThat(both[0]).as("median of %d", n).isEqualTo(Medians.median(v));
      assertThat(both[1]).as("lower median of %d", n).isEqualTo(Medians.lowerMedian(v));
    }
    assertThat(Medians.both(new long[] {3, 8})).containsExactly(5.5, 3.0);
    assertThat(Medians.both(new long[] {})[0]).isNaN();
  }
}
