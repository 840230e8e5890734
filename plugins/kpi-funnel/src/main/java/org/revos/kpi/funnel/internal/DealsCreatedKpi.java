package org.revos.kpi.funnel.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.revos.api.model.ObjectType;
import org.revos.api.query.ObjectTable;
import org.revos.api.spi.KpiCalculator;
import org.revos.api.spi.KpiRequest;
import org.revos.api.spi.KpiResult;
import org.revos.api.spi.KpiUnit;

/**
 * {@code deals_created}: deals created during the period. The deals a filter keeps are counted per calendar month
 * (in the tenant's zone) once per snapshot, so a period that ends on a month boundary — every year, quarter and
 * month, unless cut short by {@code asOf} — is a sum of months; other periods count the deals one by one. A
 * period's count outlives writes made after it (the months do not: a deal created now changes the last one).
 */
@Component(service = KpiCalculator.class, property = "revos.kpi.id=deals_created")
public final class DealsCreatedKpi extends FunnelKpi {

    /** Deals created in each month: {@code counts[i]} in [{@code starts[i]}, {@code starts[i + 1]}). */
    private record Months(long[] starts, long[] counts) {

        static Months of(ObjectTable deals, BitSet kept, ZoneId zone) {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int d = kept.nextSetBit(0); d >= 0; d = kept.nextSetBit(d + 1)) {
                min = Math.min(min, deals.createdAt(d));
                max = Math.max(max, deals.createdAt(d));
            }
            if (min > max) {
                return new Months(new long[0], new long[0]);
            }
            LocalDate first = Instant.ofEpochMilli(min).atZone(zone).toLocalDate().withDayOfMonth(1);
            long[] starts = first.datesUntil(Instant.ofEpochMilli(max).atZone(zone).toLocalDate().plusMonths(2)
                    .withDayOfMonth(1), java.time.Period.ofMonths(1))
                    .mapToLong(day -> day.atStartOfDay(zone).toInstant().toEpochMilli()).toArray();
            long[] counts = new long[starts.length];
            for (int d = kept.nextSetBit(0); d >= 0; d = kept.nextSetBit(d + 1)) {
                int i = Arrays.binarySearch(starts, deals.createdAt(d));
                counts[i >= 0 ? i : -i - 2]++;
            }
            return new Months(starts, counts);
        }

        /** @return the deals created in [from, until) when both are month starts, else -1 */
        long between(long from, long until) {
            int i = Arrays.binarySearch(starts, from);
            int j = Arrays.binarySearch(starts, until);
            if (starts.length == 0 || (i < 0 && from > starts[0]) || (j < 0 && until < starts[starts.length - 1])) {
                return -1;
            }
            long n = 0;
            for (int m = i < 0 ? 0 : i; m < (j < 0 ? starts.length : j); m++) {
                n += counts[m];
            }
            return n;
        }
    }

    public DealsCreatedKpi() {
        super("deals_created", "Deals created", KpiUnit.COUNT, true);
    }

    @Override
    public KpiResult compute(KpiRequest request) {
        long from = request.from();
        long until = request.until();
        long n = request.facts().derived(List.of("funnel.createdIn", from, until, request.filter()), until,
                () -> count(request, from, until));
        return new KpiResult(BigDecimal.valueOf(n), Map.of());
    }

    private static long count(KpiRequest request, long from, long until) {
        ObjectTable deals = request.facts().objects(ObjectType.DEAL);
        Object teams = request.filter().containsKey("team") ? until : "";
        Months months = request.facts().derived(List.of("funnel.createdByMonth", request.filter(), request.zone(),
                teams), () -> Months.of(deals, request.matching(ObjectType.DEAL), request.zone()));
        long n = months.between(from, until);
        if (n < 0) {
            n = 0;
            BitSet kept = request.matching(ObjectType.DEAL);
            for (int d = kept.nextSetBit(0); d >= 0; d = kept.nextSetBit(d + 1)) {
                if (deals.createdAt(d) >= from && deals.createdAt(d) < until) {
                    n++;
                }
            }
        }
        return n;
    }
}
