package dev.tarmac.sdk.delivery;

import com.google.common.math.Quantiles;
import java.util.Arrays;
import java.util.Map;

/** The two medians the spec uses: the standard one and DevLake's lower median. */
public final class Medians {

  private Medians() {}

  /** The standard median (mean of the two middle values); NaN for no values. */
  public static double median(long[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    long[] v = values.clone();
    Arrays.sort(v);
    return medianOfSorted(v);
  }

  /** DevLake's lower median: the element at index floor((n-1)/2) of the sorted values. */
  public static double lowerMedian(long[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    long[] v = values.clone();
    Arrays.sort(v);
    return lowerMedianOfSorted(v);
  }

  /** The standard median of values already sorted ascending; NaN for no values. */
  static double medianOfSorted(long[] v) {
    int n = v.length;
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + (double) v[n / 2]) / 2;
  }

  /** The lower median of values already sorted ascending; NaN for no values. */
  static double lowerMedianOfSorted(long[] v) {
    return v.length == 0 ? Double.NaN : v[(v.length - 1) / 2];
  }

  /**
   * The standard and the lower median, {@code {median, lower}}, by selection instead of a full sort
   * (values below 2^52, as durations in seconds are, are exact as doubles). On a scale of 2(n-1),
   * index n-1 is the middle position (interpolated between the two middle values when n is even)
   * and index 2*floor((n-1)/2) the lower middle element.
   */
  static double[] both(long[] values) {
    int n = values.length;
    if (n <= 1) {
      double v = n == 0 ? Double.NaN : values[0];
      return new double[] {v, v};
    }
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = values[i];
    }
    int lower = 2 * ((n - 1) / 2);
    Map<Integer, Double> q = Quantiles.scale(2 * (n - 1)).indexes(n - 1, lower).computeInPlace(d);
    return new double[] {q.get(n - 1), q.get(lower)};
  }
}
