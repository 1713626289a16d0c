package inkwell.bench;

import java.util.Arrays;
import java.util.List;

/** Medians and percentiles of samples (nearest rank). */
final class Stats {

  private Stats() {}

  static double median(List<Double> samples) {
    return percentile(samples, 50);
  }

  static double percentile(List<Double> samples, double p) {
    double[] sorted = samples.stream().mapToDouble(Double::doubleValue).toArray();
    return percentile(sorted, p);
  }

  static double percentile(double[] samples, double p) {
    if (samples.length == 0) {
      return Double.NaN;
    }
    double[] sorted = samples.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  static double millis(long nanos) {
    return nanos / 1_000_000.0;
  }
}
