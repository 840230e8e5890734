package org.revos.integration.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import org.revos.kernel.spi.TenantRow;

/**
 * A one-way sync: which external system is the source of truth of an object type, where its data is read from, on
 * which schedule, and who owns the failures.
 */
@Entity(name = "SyncDefinitionEntity")
@Table(name = "SYNC_DEFS", indexes = @Index(name = "IX_SYNCD_NEXT", columnList = "TENANT_ID, NEXTRUNAT"))
public class SyncDefinitionEntity extends TenantRow {
    @Column(length = 20, nullable = false)
    public String objectType;
    @Column(length = 100, nullable = false)
    public String source;
    @Column(length = 12, nullable = false)
    public String direction;
    public int intervalMinutes;
    @Column(length = 2000, nullable = false)
    public String location;
    @Column(length = 40, nullable = false)
    public String format;
    /** The fields the source owns, comma-separated. */
    @Column(length = 2000, nullable = false)
    public String fields;
    @Column(length = 40, nullable = false)
    public String ownerId;
    public int maxAttempts;
    public long nextRunAt;
    public Long lastRunAt;
    /** when a run first read the source; until then a run brings the source's history, which is not announced */
    public Long sourceReadAt;
    @Column(length = 12)
    public String lastStatus;
    @Column(length = 1000)
    public String lastDetail;
}
