package org.revos.runtime.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * An account or lead created with firmographics missing, written in the same transaction as its creation, so that
 * enrichment is asked for every such object even if the runtime stops before the worker gets to it.
 */
@Entity
@Table(name = "ENRICH_PENDING", indexes = @Index(name = "IX_ENRP_DUE", columnList = "TENANT_ID, NEXTATTEMPTAT"))
public class EnrichPendingEntity extends TenantRow {
    @Column(length = 20, nullable = false)
    public String objectType;
    @Column(length = 40, nullable = false)
    public String objectId;
    public int attempts;
    public long nextAttemptAt;
    @Column(length = 1000)
    public String lastError;
}
