package org.revos.runtime.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * That a user belongs to a team from {@code since} on, until the user's next membership starts. Written whenever a
 * user is created with a team or changes team, never changed afterwards: KPIs and goal roll-ups of past periods keep
 * the teams of that time.
 */
@Entity
@Table(name = "TEAM_MEMBERSHIPS", indexes = @Index(name = "IX_MEMBER_USER", columnList = "TENANT_ID, USERID"))
public class TeamMembershipEntity extends TenantRow {
    @Column(length = 40, nullable = false)
    public String userId;
    @Column(length = 100)
    public String team;
    public long sinceAt;
}
