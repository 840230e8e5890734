package org.revos.runtime.internal.persistence;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** What a goal says: its KPI, period, target, scope and pacing; shared by goals and their revisions. */
@MappedSuperclass
public abstract class GoalState extends TenantRow {
    @Column(length = 100, nullable = false)
    public String kpi;
    @Column(length = 10, nullable = false)
    public String period;
    @Column(precision = 19, scale = 4, nullable = false)
    public BigDecimal target;
    @Column(length = 100)
    public String scopeTeam;
    @Column(length = 40)
    public String scopeUserId;
    @Column(length = 2000)
    public String pacing;

    /** Copies what the goal says (not its id or timestamps) into {@code other}. */
    public void copyStateTo(GoalState other) {
        other.kpi = kpi;
        other.period = period;
        other.target = target;
        other.scopeTeam = scopeTeam;
        other.scopeUserId = scopeUserId;
        other.pacing = pacing;
    }
}
