package org.revos.runtime.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A tenant's seal (see {@link org.revos.kernel.spi.SnapshotSeals}): present while no write of the tenant committed
 * since an engine sealed a snapshot under {@link #token}; the first write after it deletes the row in its own
 * transaction. Platform-level, one row per tenant at most.
 */
@Entity
@Table(name = "TENANT_SEALS")
public class TenantSealEntity {
    @Id
    @Column(length = 40)
    public String tenantId;
    @Column(length = 64, nullable = false)
    public String token;
    /** The commit number of the runtime that sealed, for the log only (numbers restart with each runtime). */
    public long sealedCommit;
    public long sealedAt;
}
