package org.revos.kpi.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.revos.api.model.Goal;
import org.revos.api.model.Period;
import org.revos.api.query.TeamHistory;

/**
 * A tenant's goals and their roll-up: the goals of users sum into their team's (the team each user belonged to at the
 * instant asked, see {@link TeamHistory}), and teams sum into the tenant's (a team's set target where it has one,
 * else its users' sum; users without a team count directly). Set and rolled-up targets are both kept.
 */
final class GoalBook {

    private final List<Goal> goals;
    private final TeamHistory teams;

    GoalBook(List<Goal> goals, TeamHistory teams) {
        this.goals = goals;
        this.teams = teams;
    }

    /**
     * @return the goal set for the scope of a filter: a user ({@code ownerId}) or a team given alone, else the
     *         tenant; the filter's other dimensions only slice the actuals. A team and a user together are no scope.
     */
    Optional<Goal> setFor(String kpi, Period period, Map<String, String> filter) {
        String user = filter.get("ownerId");
        String team = filter.get("team");
        if (user != null && team != null) {
            return Optional.empty();
        }
        return goals.stream().filter(g -> g.kpi().equals(kpi) && g.period().equals(period.toString())
                && Objects.equals(g.scope().userId(), user) && Objects.equals(g.scope().team(), team)).findFirst();
    }

    /** @return the sum of the goals under {@code goal}, empty for a user's goal or when none is under it */
    Optional<BigDecimal> rolledUp(Goal goal, long teamAtMillis) {
        if (goal.scope().userId() != null) {
            return Optional.empty();
        }
        List<Goal> same = goals.stream().filter(g -> g.kpi().equals(goal.kpi()) && g.period().equals(goal.period()))
                .toList();
        if (goal.scope().team() != null) {
            return sum(same.stream().filter(g -> g.scope().userId() != null
                    && goal.scope().team().equals(teams.teamAt(g.scope().userId(), teamAtMillis))).toList());
        }
        BigDecimal total = BigDecimal.ZERO;
        boolean any = false;
        List<String> teamNames = same.stream().map(g -> g.scope().userId() != null
                ? teams.teamAt(g.scope().userId(), teamAtMillis) : g.scope().team()).filter(Objects::nonNull)
                .distinct().toList();
        for (String team : teamNames) {
            Goal teamGoal = same.stream().filter(g -> team.equals(g.scope().team())).findFirst()
                    .orElse(new Goal(null, null, goal.kpi(), goal.period(), null, new org.revos.api.model.GoalScope(
                            team, null), List.of()));
            Optional<BigDecimal> part = teamGoal.target() != null ? Optional.of(teamGoal.target())
                    : rolledUp(teamGoal, teamAtMillis);
            if (part.isPresent()) {
                total = total.add(part.get());
                any = true;
            }
        }
        Optional<BigDecimal> teamless = sum(same.stream().filter(g -> g.scope().userId() != null
                && teams.teamAt(g.scope().userId(), teamAtMillis) == null).toList());
        if (teamless.isPresent()) {
            total = total.add(teamless.get());
            any = true;
        }
        return any ? Optional.of(total) : Optional.empty();
    }

    private static Optional<BigDecimal> sum(List<Goal> goals) {
        return goals.stream().map(Goal::target).reduce(BigDecimal::add);
    }
}
