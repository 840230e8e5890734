package org.revos.kpi.internal.reference;

import java.time.Instant;

import org.revos.api.model.Period;

/**
 * What a figure counts: the period cut in the tenant's zone, [from, to), counted up to the answer's instant
 * ({@code asOf}) when that comes first; teams are taken at the last counted instant.
 */
public record Window(Instant from, Instant to, Instant asOf) {

    public static Window of(Period period, TenantRows rows, Instant asOf) {
        return new Window(period.start(rows.zone()), period.end(rows.zone()), asOf);
    }

    /** @return whether {@code at} is counted: inside the period and not after the answer's instant */
    public boolean counts(Instant at) {
        return !at.isBefore(from) && at.isBefore(to) && !at.isAfter(asOf);
    }

    /** @return the last instant counted, at which slices by team are decided */
    public Instant teamAt() {
        Instant lastOfPeriod = to.minusMillis(1);
        return lastOfPeriod.isBefore(asOf) ? lastOfPeriod : asOf;
    }
}
