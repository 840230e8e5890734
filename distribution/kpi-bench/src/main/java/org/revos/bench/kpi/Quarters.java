package org.revos.bench.kpi;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Calendar quarters, cut in the tenant's time zone, as RevOS names them ({@code 2025-Q4}). */
public final class Quarters {

    /** One quarter; {@link #start(ZoneId)} inclusive, {@link #end(ZoneId)} exclusive, epoch milliseconds. */
    public record Quarter(int year, int quarter) {

        public long start(ZoneId zone) {
            return firstDay().atStartOfDay(zone).toInstant().toEpochMilli();
        }

        public long end(ZoneId zone) {
            return firstDay().plusMonths(3).atStartOfDay(zone).toInstant().toEpochMilli();
        }

        public Quarter previousYear() {
            return new Quarter(year - 1, quarter);
        }

        private LocalDate firstDay() {
            return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        }

        @Override
        public String toString() {
            return year + "-Q" + quarter;
        }
    }

    private Quarters() {
    }

    /** @return {@code count} consecutive quarters from {@code first} */
    public static List<Quarter> from(Quarter first, int count) {
        List<Quarter> out = new ArrayList<>();
        int index = first.year() * 4 + first.quarter() - 1;
        for (int i = 0; i < count; i++) {
            out.add(new Quarter((index + i) / 4, (index + i) % 4 + 1));
        }
        return out;
    }
}
