package org.revos.kpi.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;

import org.revos.runtime.internal.kpi.TenantScripts;
import org.revos.runtime.internal.kpi.ScriptWriter;
import org.revos.api.model.Period;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Goals for a generated tenant: KPIs of each unit, periods over its history, every scope, with and without curves. */
final class GoalScript {

    private static final List<String> KPIS = List.of("deals_won", "won_revenue", "deals_created", "deals_lost",
            "win_rate");

    private GoalScript() {
    }

    static void write(SplittableRandom random, int n, ScriptWriter tenant, ZoneId zone, Instant start, Instant now) {
        for (int i = 0; i < n; i++) {
            Period period = Probe.period(random, zone, start, now);
            ObjectNode goal = JsonNodeFactory.instance.objectNode().put("kpi", KPIS.get(random.nextInt(KPIS.size())))
                    .put("period", period.toString()).put("target", random.nextInt(4) == 0 ? new BigDecimal("0.5")
                            : BigDecimal.valueOf(1 + random.nextInt(30)));
            ObjectNode scope = goal.putObject("scope");
            int who = random.nextInt(3);
            if (who == 1) {
                scope.put("team", TenantScripts.TEAMS.get(random.nextInt(TenantScripts.TEAMS.size())));
            } else if (who == 2 && !tenant.users.isEmpty()) {
                scope.put("userId", tenant.users.get(random.nextInt(tenant.users.size())));
            }
            if (period.granularity() == Period.Granularity.QUARTER && random.nextBoolean()) {
                goal.putArray("pacing").add(new BigDecimal("0.25")).add(new BigDecimal("0.25"))
                        .add(new BigDecimal("0.5"));
            } else if (period.granularity() == Period.Granularity.YEAR && random.nextBoolean()) {
                goal.putArray("pacing").add(new BigDecimal("0.1")).add(new BigDecimal("0.2")).add(new BigDecimal("0.3"))
                        .add(new BigDecimal("0.4"));
            }
            tenant.goal(goal);
        }
    }
}
