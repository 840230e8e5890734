package org.revos.integration.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import org.revos.kernel.spi.TenantRow;

/**
 * A failure of a sync: one source row (by its external id, else its line) or the source itself, with how often it
 * was tried, when it is tried again, and, once retries gave up, the owner it was assigned to.
 */
@Entity(name = "SyncErrorEntity")
@Table(name = "SYNC_ERRORS", uniqueConstraints = @UniqueConstraint(name = "UQ_SYNCE_ROW",
        columnNames = { "TENANT_ID", "DEFINITIONID", "ROWKEY" }))
public class SyncErrorEntity extends TenantRow {
    @Column(length = 40, nullable = false)
    public String definitionId;
    @Column(length = 20, nullable = false)
    public String objectType;
    @Column(length = 220, nullable = false)
    public String rowKey;
    /** The object written by the row when one exists, else {@code null}. */
    @Column(length = 40)
    public String objectId;
    public long line;
    @Column(length = 2000, nullable = false)
    public String error;
    public int attempts;
    @Column(length = 12, nullable = false)
    public String status;
    @Column(length = 40)
    public String assignedTo;
    public long lastAttemptAt;
    public Long nextRetryAt;
}
