package org.revos.credit.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import org.revos.kernel.spi.TenantRow;

/**
 * An account whose credit must be brought up to date, written in the same transaction as the revenue event that
 * made it stale, so that no event is ever left uncredited, even if the runtime stops before the ledger catches up.
 */
@Entity(name = "CreditPendingEntity")
@Table(name = "CREDIT_PENDING", indexes = @Index(name = "IX_CPEND_ACCOUNT", columnList = "TENANT_ID, ACCOUNTID"))
public class CreditPendingEntity extends TenantRow {
    @Column(length = 40, nullable = false)
    public String accountId;
    /** the origin of the write that marked it (an import's {@code import:<jobId>}); {@code null} for API writes */
    @Column(length = 80)
    public String origin;
}
