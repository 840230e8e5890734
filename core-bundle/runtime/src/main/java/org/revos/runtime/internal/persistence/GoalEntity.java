package org.revos.runtime.internal.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A KPI target for a period. Pacing weights are a JSON array; empty means equal weights. */
@Entity
@Table(name = "GOALS", uniqueConstraints = @UniqueConstraint(name = "UQ_GOALS_EXT", columnNames = { "TENANT_ID", "EXTERNALID" }))
public class GoalEntity extends GoalState {
}
