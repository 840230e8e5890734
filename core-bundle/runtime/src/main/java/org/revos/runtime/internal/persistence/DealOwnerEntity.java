package org.revos.runtime.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * One period of a deal's ownership: from {@code from} on (inclusive) the deal is owned by {@code ownerId}
 * ({@code null}: by nobody), until the deal's next row. Written in the same transaction as the deal's creation and as
 * every change of its owner, whatever the write path (API, import, sync), so the owner at any instant can be told;
 * the credit ledger credits a deal's revenue to the owner at the event's {@code occurredAt}. Rows are never changed.
 * <p>
 * A deal without rows was written by a runtime that kept no ownership history: it counts as owned by its current
 * owner since its creation, and its first change of owner writes that owner from its creation first.
 */
@Entity
@Table(name = "DEAL_OWNERS", indexes = @Index(name = "IX_DEALOWNER_DEAL", columnList = "TENANT_ID, DEALID, FROM_AT"))
public class DealOwnerEntity extends TenantRow {
    @Column(length = 40, nullable = false)
    public String dealId;
    @Column(length = 40)
    public String ownerId;
    /** the first instant of this ownership, epoch milliseconds */
    @Column(name = "FROM_AT")
    public long from;
}
