package org.revos.kpi.funnel.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.revos.api.spi.InvalidKpiRequest;
import org.revos.api.spi.KpiRequest;
import org.revos.api.spi.KpiResult;
import org.revos.api.spi.KpiCalculator;
import org.revos.api.spi.KpiUnit;

/**
 * {@code time_between} ({@code from=}, {@code to=}): over the objects that entered {@code to} during the period,
 * the time from their first entry into {@code from} (at or before that) to their first entry into {@code to} in the
 * period. Value: the median in seconds; breakdown: {@code median}, {@code mean} and {@code count}. Objects that never
 * entered {@code from} before are not counted.
 */
@Component(service = KpiCalculator.class, property = "revos.kpi.id=time_between")
public final class TimeBetweenKpi extends FunnelKpi {

    public TimeBetweenKpi() {
        super("time_between", "Time between two stages", KpiUnit.DURATION, false, "from", "to");
    }

    @Override
    public KpiResult compute(KpiRequest request) {
        var names = request.require("from", "to");
        Stages from = Stages.of(request, "from", names.get(0));
        Stages to = Stages.of(request, "to", names.get(1));
        if (from.type() != to.type()) {
            throw new InvalidKpiRequest("to", from.id() + " is a " + from.type() + " stage and " + to.id() + " a "
                    + to.type() + " stage; the time between them is measured on one object");
        }
        BitSet reached = to.enteredDuring(request);
        long[] millis = new long[reached.cardinality()];
        int n = 0;
        for (int o = reached.nextSetBit(0); o >= 0; o = reached.nextSetBit(o + 1)) {
            long arrived = to.log().at(to.firstEntry(o, request.from(), request.until()));
            int start = from.firstEntry(o, Long.MIN_VALUE, arrived + 1);
            if (start >= 0) {
                millis[n++] = arrived - from.log().at(start);
            }
        }
        long[] durations = Arrays.copyOf(millis, n);
        Arrays.sort(durations);
        BigDecimal median = n == 0 ? null : n % 2 == 1 ? seconds(durations[n / 2])
                : seconds(durations[n / 2 - 1] + durations[n / 2]).divide(BigDecimal.valueOf(2));
        BigDecimal mean = n == 0 ? null
                : seconds(Arrays.stream(durations).sum()).divide(BigDecimal.valueOf(n), 3, RoundingMode.HALF_EVEN);
        Map<String, Object> breakdown = new LinkedHashMap<>();
        breakdown.put("median", median == null ? null : KpiResult.plain(median));
        breakdown.put("mean", mean == null ? null : KpiResult.plain(mean));
        breakdown.put("count", n);
        return new KpiResult(median == null ? null : KpiResult.plain(median), breakdown);
    }

    private static BigDecimal seconds(long millis) {
        return BigDecimal.valueOf(millis, 3);
    }
}
