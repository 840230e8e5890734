package org.revos.kpi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.revos.api.model.Goal;
import org.revos.api.model.GoalScope;
import org.revos.api.model.Period;

class GoalBookTest {

    private static final Period YEAR = Period.parse("2023");
    private static final Goal TENANT = goal(new GoalScope(null, null), "9");
    private static final Goal NORTH = goal(new GoalScope("North", null), "6");
    private static final Goal USER = goal(new GoalScope(null, "usr_1"), "2");
    private static final GoalBook BOOK = new GoalBook(List.of(TENANT, NORTH, USER), null);

    /**
     * Regression (found by KpiDifferentialPropertiesTest's goal matrix property): a goal-matrix cell sliced by a
     * filter besides its scope (team=North&segment=ENTERPRISE, or segment=ENTERPRISE alone for the tenant) showed no
     * set goal, and for the tenant the roll-up of the teams' goals instead of the tenant's own target. The scope is
     * the tenant, or a team or user given alone; other filters only slice the actuals.
     */
    @Test
    void otherFiltersSliceTheActualsButKeepTheScopesGoal() {
        assertEquals(Optional.of(TENANT), BOOK.setFor("deals_won", YEAR, Map.of("segment", "ENTERPRISE")));
        assertEquals(Optional.of(NORTH), BOOK.setFor("deals_won", YEAR, Map.of("team", "North", "segment",
                "ENTERPRISE")));
        assertEquals(Optional.of(USER), BOOK.setFor("deals_won", YEAR, Map.of("ownerId", "usr_1", "country", "DE")));
    }

    @Test
    void aTeamAndAUserTogetherAreNoScope() {
        assertEquals(Optional.empty(), BOOK.setFor("deals_won", YEAR, Map.of("team", "North", "ownerId", "usr_1")));
        assertEquals(Optional.of(TENANT), BOOK.setFor("deals_won", YEAR, Map.of()));
        assertEquals(Optional.empty(), BOOK.setFor("win_rate", YEAR, Map.of()));
    }

    private static Goal goal(GoalScope scope, String target) {
        return new Goal("goal_" + target, null, "deals_won", "2023", new BigDecimal(target), scope, List.of());
    }
}
