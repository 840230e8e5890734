package org.revos.enrichment.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import org.revos.kernel.spi.TenantRow;

/**
 * An account or lead created with firmographics missing, written in the same transaction as its creation (by
 * {@link PendingMarks}, a write hook), so that enrichment is asked for every such object even if the runtime stops
 * before the worker gets to it. The table keeps the name it had in the kernel, so data folders keep their marks.
 */
@Entity(name = "EnrichmentPending")
@Table(name = "ENRICH_PENDING", indexes = @Index(name = "IX_ENRP_DUE", columnList = "TENANT_ID, NEXTATTEMPTAT"))
public class PendingEnrichmentEntity extends TenantRow {
    @Column(length = 20, nullable = false)
    public String objectType;
    @Column(length = 40, nullable = false)
    public String objectId;
    public int attempts;
    public long nextAttemptAt;
    @Column(length = 1000)
    public String lastError;
}
