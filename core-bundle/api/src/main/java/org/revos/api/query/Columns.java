package org.revos.api.query;

/** Searches over the sorted time columns of the logs. */
final class Columns {

    private Columns() {
    }

    /** @return the first index whose instant is at or after {@code epochMillis} in ascending {@code at[0..size-1]} */
    static int firstAtOrAfter(long[] at, int size, long epochMillis) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (at[mid] < epochMillis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * @return the rows {@code 0..n-1} of {@code at} in ascending order of instant, rows at the same instant in the
     *         order they were added; {@code null} when they are in that order already. A sorted run followed by a few
     *         rows (a snapshot and what was added to it) is merged in linear time.
     */
    static int[] order(long[] at, int n) {
        int sorted = 1;
        while (sorted < n && at[sorted - 1] <= at[sorted]) {
            sorted++;
        }
        if (sorted >= n) {
            return null;
        }
        if (n - sorted > n / 4) {
            return sort(at, 0, n);
        }
        int[] tail = sort(at, sorted, n);
        int[] order = new int[n];
        int i = 0;
        int j = 0;
        for (int k = 0; k < n; k++) {
            if (j == tail.length || i < sorted && at[i] <= at[tail[j]]) {
                order[k] = i++;
            } else {
                order[k] = tail[j++];
            }
        }
        return order;
    }

    /** @return the rows {@code from..to-1} sorted stably by instant */
    private static int[] sort(long[] at, int from, int to) {
        int n = to - from;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = from; i < to; i++) {
            min = Math.min(min, at[i]);
            max = Math.max(max, at[i]);
        }
        int rowBits = 64 - Long.numberOfLeadingZeros(n);
        int[] order = new int[n];
        if (max - min >= 0 && 64 - Long.numberOfLeadingZeros(max - min) + rowBits < 63) {
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = (at[from + i] - min) << rowBits | i;
            }
            java.util.Arrays.sort(keys);
            long mask = (1L << rowBits) - 1;
            for (int k = 0; k < n; k++) {
                order[k] = from + (int) (keys[k] & mask);
            }
            return order;
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = from + i;
        }
        java.util.Arrays.sort(boxed, (x, y) -> Long.compare(at[x], at[y]));
        for (int k = 0; k < n; k++) {
            order[k] = boxed[k];
        }
        return order;
    }
}
