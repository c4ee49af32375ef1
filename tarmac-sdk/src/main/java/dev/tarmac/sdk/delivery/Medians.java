package dev.tarmac.sdk.delivery;

import java.util.Arrays;

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
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + (double) v[n / 2]) / 2;
  }

  /** DevLake's lower median: the element at index floor((n-1)/2) of the sorted values. */
  public static double lowerMedian(long[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    long[] v = values.clone();
    Arrays.sort(v);
    return v[(v.length - 1) / 2];
  }
}
