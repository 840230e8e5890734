package org.revos.kpi.internal.reference;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.revos.api.model.Goal;
import org.revos.api.model.Period;

/**
 * Goals and pacing as DOMAIN §3 defines them, and the roll-up the runtime documents (DOMAIN is silent on it): user
 * goals sum into the team each user was in at the instant asked, teams into the tenant (a team's set target where it
 * has one, else its users' sum; users in no team count directly).
 */
public final class GoalReference {

    /** Where a goal stands: {@code pace} is null while nothing is expected (or, lower being better, nothing happened). */
    public record Standing(BigDecimal expected, BigDecimal pace, String status) {
    }

    private static final MathContext EXACT_ENOUGH = MathContext.DECIMAL128;

    private final TenantRows rows;

    public GoalReference(TenantRows rows) {
        this.rows = rows;
    }

    /**
     * Expected-to-date = target × (weights of completed sub-periods + weight of the current one × fraction elapsed at
     * {@code at}); a ratio or duration target is expected in full from the start. Pace = actual / expected (expected
     * / actual when lower is better); GREEN at pace ≥ 1, YELLOW at ≥ {@code yellowFrom}, else RED; GREEN while
     * nothing is expected.
     */
    public Standing standing(Goal goal, BigDecimal actual, Instant at, boolean paced, boolean higherIsBetter,
            BigDecimal yellowFrom) {
        BigDecimal expected = paced ? goal.target().multiply(share(goal, at), EXACT_ENOUGH) : goal.target();
        BigDecimal value = actual == null ? BigDecimal.ZERO : actual;
        BigDecimal pace;
        if (expected.signum() == 0) {
            pace = null;
        } else if (higherIsBetter) {
            pace = value.divide(expected, EXACT_ENOUGH);
        } else {
            pace = value.signum() == 0 ? null : expected.divide(value, EXACT_ENOUGH);
        }
        String status = pace == null || pace.compareTo(BigDecimal.ONE) >= 0 ? "GREEN"
                : pace.compareTo(yellowFrom) >= 0 ? "YELLOW" : "RED";
        return new Standing(expected, pace, status);
    }

    /** @return the share of the target expected by {@code at} */
    BigDecimal share(Goal goal, Instant at) {
        Period period = Period.parse(goal.period());
        List<LocalDate> starts = new ArrayList<>();
        int months = period.granularity() == Period.Granularity.YEAR ? 3 : 1;
        for (LocalDate d = period.firstDay(); d.isBefore(period.endDay()); d = d.plusMonths(months)) {
            starts.add(d);
        }
        BigDecimal share = BigDecimal.ZERO;
        for (int i = 0; i < starts.size(); i++) {
            BigDecimal weight = goal.pacing().isEmpty() ? BigDecimal.ONE.divide(BigDecimal.valueOf(starts.size()),
                    EXACT_ENOUGH) : goal.pacing().get(i);
            long from = starts.get(i).atStartOfDay(rows.zone()).toInstant().toEpochMilli();
            long to = (i + 1 < starts.size() ? starts.get(i + 1) : period.endDay()).atStartOfDay(rows.zone())
                    .toInstant().toEpochMilli();
            long now = at.toEpochMilli();
            if (now >= to) {
                share = share.add(weight);
            } else if (now > from) {
                share = share.add(weight.multiply(BigDecimal.valueOf(now - from)).divide(BigDecimal.valueOf(to - from),
                        EXACT_ENOUGH));
            }
        }
        return share;
    }

    /** @return the sum of the goals under {@code goal} with teams at {@code teamAt}; empty for a user's goal or none */
    public Optional<BigDecimal> rolledUp(Goal goal, Instant teamAt) {
        if (goal.scope().userId() != null) {
            return Optional.empty();
        }
        List<Goal> same = new ArrayList<>();
        for (Goal g : rows.goals()) {
            if (g.kpi().equals(goal.kpi()) && g.period().equals(goal.period())) {
                same.add(g);
            }
        }
        if (goal.scope().team() != null) {
            return usersOf(same, goal.scope().team(), teamAt);
        }
        List<String> teams = new ArrayList<>();
        for (Goal g : same) {
            String team = g.scope().userId() != null ? rows.teamAt(g.scope().userId(), teamAt) : g.scope().team();
            if (team != null && !teams.contains(team)) {
                teams.add(team);
            }
        }
        Optional<BigDecimal> total = Optional.empty();
        for (String team : teams) {
            Optional<BigDecimal> part = same.stream().filter(g -> team.equals(g.scope().team())).findFirst()
                    .map(Goal::target).or(() -> usersOf(same, team, teamAt));
            total = add(total, part);
        }
        return add(total, usersOf(same, null, teamAt));
    }

    /** @return the sum of the user goals whose user was in {@code team} (null: in none) at the instant */
    private Optional<BigDecimal> usersOf(List<Goal> goals, String team, Instant teamAt) {
        Optional<BigDecimal> sum = Optional.empty();
        for (Goal g : goals) {
            if (g.scope().userId() != null && java.util.Objects.equals(team, rows.teamAt(g.scope().userId(), teamAt))) {
                sum = add(sum, Optional.of(g.target()));
            }
        }
        return sum;
    }

    private static Optional<BigDecimal> add(Optional<BigDecimal> a, Optional<BigDecimal> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : Optional.of(a.get().add(b.get()));
    }
}
