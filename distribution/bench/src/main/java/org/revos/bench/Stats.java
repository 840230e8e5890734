package org.revos.bench;

import java.util.Arrays;
import java.util.List;

/** Order statistics of measured samples. */
public final class Stats {

    /** Median, minimum and maximum of a handful of samples (start times, deploy times). */
    public record Summary(int count, double median, double min, double max) {
    }

    private Stats() {
    }

    /** @throws IllegalArgumentException for no samples */
    public static Summary summarize(List<Double> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Summary(sorted.length, median(sorted), sorted[0], sorted[sorted.length - 1]);
    }

    /** @return the middle value of sorted samples; the mean of the two middle values for an even count */
    public static double median(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            throw new IllegalArgumentException("no samples");
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /**
     * The nearest-rank percentile: the smallest sample such that at least {@code p} percent of all samples are at or
     * below it.
     *
     * @param sorted samples in ascending order
     * @param p      a percentile in (0, 100]
     */
    public static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    /** @return the samples of several recorders as one ascending array */
    public static long[] sortedUnion(List<long[]> parts) {
        long[] all = new long[parts.stream().mapToInt(a -> a.length).sum()];
        int at = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        Arrays.sort(all);
        return all;
    }
}
