package org.revos.runtime.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** One append-only movement of an account's recurring revenue. */
@Entity
@Table(name = "REVENUE_EVENTS", uniqueConstraints = @UniqueConstraint(name = "UQ_REVENUE_EXT", columnNames = { "TENANT_ID", "EXTERNALID" }), indexes = { @Index(name = "IX_REVENUE_ACCOUNT", columnList = "TENANT_ID, ACCOUNTID, OCCURREDAT"), @Index(name = "IX_REVENUE_AT", columnList = "TENANT_ID, OCCURREDAT") })
public class RevenueEventEntity extends TenantRow {
    @Column(length = 40, nullable = false)
    public String accountId;
    public long occurredAt;
    @Column(length = 20, nullable = false)
    public String kind;
    public long arrDeltaCents;
    public int seatsDelta;
    @Column(length = 40)
    public String dealId;
    /**
     * the deal's owner at {@link #occurredAt}, from the deal's ownership history: the rep it is credited to. Set when
     * the event is recorded, and again when a later change of the deal's owner takes effect before the event occurs.
     * Events recorded before ownership history was kept hold the owner at their recording.
     */
    @Column(length = 40)
    public String dealOwnerId;
}
