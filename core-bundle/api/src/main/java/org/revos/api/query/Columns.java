package org.revos.api.query;

/** Searches over the sorted time columns of the logs. */
final class Columns {

    private Columns() {
    }

    /** @return the first index whose instant is at or after {@code epochMillis} in ascending {@code at} */
    static int firstAtOrAfter(long[] at, long epochMillis) {
        int lo = 0;
        int hi = at.length;
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
}
