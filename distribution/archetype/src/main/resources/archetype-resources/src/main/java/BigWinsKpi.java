package ${package};

import java.math.BigDecimal;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.revos.api.model.ObjectType;
import org.revos.api.model.StageCategory;
import org.revos.api.query.StageLog;
import org.revos.api.spi.InvalidKpiRequest;
import org.revos.api.spi.KpiCalculator;
import org.revos.api.spi.KpiDefinition;
import org.revos.api.spi.KpiRequest;
import org.revos.api.spi.KpiResult;
import org.revos.api.spi.KpiUnit;

/**
 * {@code big_wins}: how many deals were won in the period with an ARR of at least {@code minimum} (in the tenant's
 * currency, default 10,000), among the deals the request's filter keeps.
 *
 * <p>The KPI engine serves it at {@code GET /api/v1/kpis/big_wins?period=2026-Q3&minimum=5000} for every tenant that
 * has this plugin enabled. A calculator is a pure function of the facts it is handed, so the same data always gives
 * the same answer.
 */
@Component(service = KpiCalculator.class, property = "revos.kpi.id=" + BigWinsKpi.ID)
public final class BigWinsKpi implements KpiCalculator {

    static final String ID = "big_wins";
    static final long DEFAULT_MINIMUM = 10_000;

    @Override
    public KpiDefinition definition() {
        return new KpiDefinition(ID, "Big wins", KpiUnit.COUNT, true, List.of("minimum"));
    }

    @Override
    public KpiResult compute(KpiRequest request) {
        long minimumCents = minimum(request) * 100;
        StageLog entries = request.facts().stages(ObjectType.DEAL);
        BitSet kept = request.matching(ObjectType.DEAL);
        long wins = 0;
        for (int i = entries.firstAtOrAfter(request.from()); i < entries.size() && entries.at(i) < request.until();
                i++) {
            int deal = entries.object(i);
            String stage = entries.stageId(entries.stage(i));
            if (kept.get(deal) && request.isCategory(ObjectType.DEAL, stage, StageCategory.WON)
                    && request.facts().objects(ObjectType.DEAL).arrCents(deal) >= minimumCents) {
                wins++;
            }
        }
        return new KpiResult(BigDecimal.valueOf(wins), Map.of());
    }

    private static long minimum(KpiRequest request) {
        String text = request.parameter("minimum").orElse(Long.toString(DEFAULT_MINIMUM));
        try {
            long minimum = Long.parseLong(text.trim());
            if (minimum >= 0) {
                return minimum;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new InvalidKpiRequest(Map.of("minimum", "must be a whole amount of 0 or more, not '" + text + "'"));
    }
}
