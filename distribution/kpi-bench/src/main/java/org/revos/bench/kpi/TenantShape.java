package org.revos.bench.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The size of a generated tenant and the seed that makes it reproducible: the same shape always gives the same rows.
 *
 * @param firstDay the first day of the three years of history, in the tenant's zone; nothing happens on or after
 *                 {@link #end()}
 * @param zone     the tenant's time zone, which cuts its periods
 */
public record TenantShape(long seed, int users, int accounts, int deals, LocalDate firstDay, int years, ZoneId zone) {

    /**
     * The tenant's zone unless one is given: Newfoundland, UTC−3:30 with daylight saving (−2:30), so a period's
     * bounds are neither UTC's nor whole hours, and move within the year.
     */
    public static final ZoneId ZONE = ZoneId.of("America/St_Johns");

    public TenantShape(long seed, int users, int accounts, int deals, LocalDate firstDay, int years) {
        this(seed, users, accounts, deals, firstDay, years, ZONE);
    }

    /** The benchmark's tenant: 400 users, 200k accounts, 1M deals over 2023–2025. */
    public static TenantShape benchmark(long seed) {
        return new TenantShape(seed, 400, 200_000, 1_000_000, LocalDate.of(2023, 1, 1), 3);
    }

    /** A small tenant of the same shape, for tests. */
    public static TenantShape small(long seed) {
        return new TenantShape(seed, 40, 2_000, 10_000, LocalDate.of(2023, 1, 1), 3);
    }

    public TenantShape {
        if (users < 10 || accounts < 1 || deals < 1 || years < 1) {
            throw new IllegalArgumentException("A tenant needs at least 10 users, one account, one deal and one year");
        }
    }

    /** @return the first instant of the history, epoch milliseconds */
    public long start() {
        return firstDay.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /** @return the first instant after the history, epoch milliseconds */
    public long end() {
        return firstDay.plusYears(years).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    public Instant endInstant() {
        return Instant.ofEpochMilli(end());
    }
}
