package org.revos.bench.kpi;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Calendar quarters in UTC (the bench tenant's time zone), as RevOS names them ({@code 2025-Q4}). */
public final class Quarters {

    /** One quarter; {@link #start()} inclusive, {@link #end()} exclusive, epoch milliseconds. */
    public record Quarter(int year, int quarter) {

        public long start() {
            return firstDay().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }

        public long end() {
            return firstDay().plusMonths(3).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
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
