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
}
