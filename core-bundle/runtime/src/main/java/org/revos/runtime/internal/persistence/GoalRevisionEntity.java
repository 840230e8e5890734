package org.revos.runtime.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * One state of a goal, recorded at every create, change and delete ({@code deleted}): a goal whose period, target or
 * scope changes keeps what it was before, and figures asked as of an earlier instant use the goal as it was then.
 * {@code createdAt} is when the state began.
 */
@Entity
@Table(name = "GOAL_REVISIONS", indexes = @Index(name = "IX_GOALREV_GOAL", columnList = "TENANT_ID, GOALID"))
public class GoalRevisionEntity extends GoalState {
    @Column(length = 40, nullable = false)
    public String goalId;
    public boolean deleted;
}
