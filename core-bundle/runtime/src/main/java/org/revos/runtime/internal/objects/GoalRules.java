package org.revos.runtime.internal.objects;

import java.math.BigDecimal;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.revos.api.model.Period;
import org.revos.kernel.spi.Ids;
import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.kernel.spi.objects.ObjectRules;
import org.revos.runtime.internal.persistence.GoalEntity;
import org.revos.runtime.internal.persistence.GoalRevisionEntity;
import org.revos.runtime.internal.persistence.Tx;
import org.revos.runtime.internal.persistence.UserEntity;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A goal's period is a year, quarter or month; its pacing has one weight per month of a quarter or per quarter of a
 * year and sums to 1 (empty means equal weights); a user scope names a user of the tenant. Every state of a goal is
 * kept as a {@link GoalRevisionEntity}.
 */
final class GoalRules implements ObjectRules<GoalEntity> {

    @Override
    public void check(TenantTransaction tx, GoalEntity goal, ObjectNode before, Violations v) {
        Period period = null;
        if (goal.period != null) {
            try {
                period = Period.parse(goal.period);
            } catch (DateTimeParseException e) {
                v.add("period", "must be a year, quarter or month: 2026, 2026-Q3 or 2026-07");
            }
        }
        List<BigDecimal> pacing = FieldTypes.decimals(goal.pacing);
        if (period != null && !pacing.isEmpty()) {
            int expected = switch (period.granularity()) {
                case YEAR -> 4;
                case QUARTER -> 3;
                case MONTH -> 1;
            };
            if (pacing.size() != expected) {
                v.add("pacing", "a " + period.granularity().name().toLowerCase() + " goal has " + expected
                        + " pacing weight(s), one per " + (expected == 4 ? "quarter" : "month") + "; got "
                        + pacing.size());
            }
            BigDecimal sum = pacing.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.subtract(BigDecimal.ONE).abs().compareTo(new BigDecimal("0.000001")) > 0) {
                v.add("pacing", "weights must sum to 1; they sum to " + sum.toPlainString());
            }
        }
        if (goal.scopeUserId != null && tx.em().find(UserEntity.class, goal.scopeUserId) == null) {
            v.add("scope.userId", "no user with id " + goal.scopeUserId);
        }
        if (goal.scopeUserId != null && goal.scopeTeam != null) {
            v.add("scope", "a goal is for a user, a team or the tenant, not both a user and a team");
        }
    }

    /** Every state of a goal is kept as a revision: changing its period or target does not erase what it was. */
    @Override
    public void afterWrite(TenantTransaction tx, GoalEntity goal, ObjectNode before) {
        revise(tx, goal, false);
    }

    @Override
    public void afterDelete(TenantTransaction tx, GoalEntity goal) {
        revise(tx, goal, true);
    }

    private static void revise(TenantTransaction tx, GoalEntity goal, boolean deleted) {
        GoalRevisionEntity r = new GoalRevisionEntity();
        r.id = Ids.next("grv");
        r.goalId = goal.id;
        goal.copyStateTo(r);
        r.deleted = deleted;
        r.createdAt = tx.now();
        r.updatedAt = tx.now();
        tx.em().persist(r);
    }
}
