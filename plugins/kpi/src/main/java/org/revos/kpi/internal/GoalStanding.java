package org.revos.kpi.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.revos.api.model.Goal;
import org.revos.api.model.Period;
import org.revos.api.spi.KpiDefinition;
import org.revos.api.spi.KpiUnit;

/**
 * A goal against its KPI at an instant: the actual of the goal's scope counted up to the instant, the expected
 * value by the pacing curve, pace and status, and the set and rolled-up targets.
 */
record GoalStanding(BigDecimal target, Optional<BigDecimal> rolledUpTarget, BigDecimal actual,
        Pacing.Standing standing) {

    static GoalStanding of(KpiSession session, GoalBook book, Goal goal, BigDecimal target, Instant at,
            BigDecimal yellowFrom) {
        Period period = Period.parse(goal.period());
        KpiDefinition kpi = session.require(goal.kpi()).definition();
        BigDecimal actual = session.compute(goal.kpi(), period, scopeFilter(goal), Map.of(), at).value();
        BigDecimal share = Pacing.expectedShare(period, goal.pacing(), at, session.tenant().timeZone());
        boolean paced = kpi.unit() == KpiUnit.COUNT || kpi.unit() == KpiUnit.MONEY;
        long teamAt = Math.min(at.toEpochMilli(), period.end(session.tenant().timeZone()).toEpochMilli() - 1);
        return new GoalStanding(target, book.rolledUp(goal, teamAt), actual,
                Pacing.standing(target, share, actual, paced, kpi.higherIsBetter(), yellowFrom));
    }

    /** @return the filter that slices a KPI to the goal's scope */
    static Map<String, String> scopeFilter(Goal goal) {
        Map<String, String> filter = new LinkedHashMap<>();
        if (goal.scope().userId() != null) {
            filter.put("ownerId", goal.scope().userId());
        } else if (goal.scope().team() != null) {
            filter.put("team", goal.scope().team());
        }
        return filter;
    }
}
