package org.revos.kpi.funnel.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.revos.api.spi.InvalidKpiRequest;
import org.revos.api.spi.KpiRequest;
import org.revos.api.spi.KpiResult;
import org.revos.api.spi.KpiCalculator;
import org.revos.api.spi.KpiUnit;

/**
 * {@code conversion} ({@code from=}, {@code to=}, {@code method=period|cohort}, {@code horizon=}):
 * <ul>
 * <li>period (default): volume(to, P) / volume(from, P);</li>
 * <li>cohort: of the objects that entered {@code from} during P, the share that entered {@code to} at or after
 * that entry and up to the answer's instant, or up to {@code horizon} (an ISO-8601 duration such as {@code P90D},
 * or a number of days) after it, whichever is earlier.</li>
 * </ul>
 */
@Component(service = KpiCalculator.class, property = "revos.kpi.id=conversion")
public final class ConversionKpi extends FunnelKpi {

    public ConversionKpi() {
        super("conversion", "Conversion between two stages", KpiUnit.RATIO, true, "from", "to", "method", "horizon");
    }

    @Override
    public KpiResult compute(KpiRequest request) {
        var names = request.require("from", "to");
        String method = request.parameter("method").orElse("period");
        Map<String, String> problems = new LinkedHashMap<>();
        if (!method.equals("period") && !method.equals("cohort")) {
            problems.put("method", "must be period or cohort");
        }
        Optional<Duration> horizon = horizon(request, problems);
        if (!problems.isEmpty()) {
            throw new InvalidKpiRequest(problems);
        }
        Stages from = Stages.of(request, "from", names.get(0));
        Stages to = Stages.of(request, "to", names.get(1));
        Map<String, Object> breakdown = new LinkedHashMap<>();
        breakdown.put("method", method);
        breakdown.put("from", from.id());
        breakdown.put("to", to.id());
        if (method.equals("period")) {
            long a = from.enteredDuring(request).cardinality();
            long b = to.enteredDuring(request).cardinality();
            breakdown.put("fromVolume", a);
            breakdown.put("toVolume", b);
            return new KpiResult(KpiResult.ratio(b, a), breakdown);
        }
        if (from.type() != to.type()) {
            throw new InvalidKpiRequest("to", "a cohort conversion follows the same objects: " + from.id() + " is a "
                    + from.type() + " stage and " + to.id() + " a " + to.type() + " stage; use method=period");
        }
        BitSet cohort = from.enteredDuring(request);
        long upTo = request.asOf().toEpochMilli() + 1;
        int converted = 0;
        for (int o = cohort.nextSetBit(0); o >= 0; o = cohort.nextSetBit(o + 1)) {
            long entered = from.log().at(from.firstEntry(o, request.from(), request.until()));
            long limit = horizon.map(h -> Math.min(upTo, entered + h.toMillis() + 1)).orElse(upTo);
            if (to.firstEntry(o, entered, limit) >= 0) {
                converted++;
            }
        }
        breakdown.put("cohort", cohort.cardinality());
        breakdown.put("converted", converted);
        horizon.ifPresent(h -> breakdown.put("horizon", h.toString()));
        return new KpiResult(KpiResult.ratio(converted, cohort.cardinality()), breakdown);
    }

    private static Optional<Duration> horizon(KpiRequest request, Map<String, String> problems) {
        Optional<String> text = request.parameter("horizon");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            Duration d = text.get().matches("\\d{1,5}") ? Duration.ofDays(Long.parseLong(text.get()))
                    : Duration.parse(text.get());
            if (d.isNegative()) {
                throw new DateTimeParseException("negative", text.get(), 0);
            }
            return Optional.of(d);
        } catch (DateTimeParseException | NumberFormatException e) {
            problems.put("horizon", "must be a number of days or an ISO-8601 duration such as P90D");
            return Optional.empty();
        }
    }
}
