package org.revos.runtime.internal.persistence;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A KPI target for a period. Pacing weights are a JSON array; empty means equal weights. */
@Entity
@Table(name = "GOALS", uniqueConstraints = @UniqueConstraint(name = "UQ_GOALS_EXT", columnNames = { "TENANT_ID", "EXTERNALID" }))
public class GoalEntity extends TenantRow {
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
}
