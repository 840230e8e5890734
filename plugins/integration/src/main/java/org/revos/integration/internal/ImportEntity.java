package org.revos.integration.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import org.revos.kernel.spi.TenantRow;

/**
 * One CSV import, keyed by its job's id: what it reads, where its spooled source lies, and how far its writing got.
 * {@link #writtenThrough} moves in the same transaction as the rows it covers, so after a crash the import knows
 * exactly which rows are in and can resume after them.
 */
@Entity(name = "ImportEntity")
@Table(name = "IMPORTS", indexes = @Index(name = "IX_IMPORTS_STATE", columnList = "TENANT_ID, STATE"))
public class ImportEntity extends TenantRow {
    @Column(length = 30, nullable = false)
    public String objectType;
    @Column(length = 60, nullable = false)
    public String format;
    /** ATOMIC or PARTIAL */
    @Column(length = 10, nullable = false)
    public String mode;
    /** RECORD or SKIP: whether placing a deal in a won or churned stage records its revenue event */
    @Column(length = 10)
    public String revenueEvents;
    @Lob
    public String mappingJson;
    /** the value mappings this import's request gave over the tenant's, as {@code ValueMappings} JSON */
    @Lob
    public String valueMappingsJson;
    @Column(length = 1000, nullable = false)
    public String sourcePath;
    /** QUEUED, VALIDATING, WRITING, DONE, REFUSED (nothing written), INTERRUPTED (resumable) */
    @Column(length = 12, nullable = false)
    public String state;
    /** rows in the source once validated; -1 before */
    public long rowCount = -1;
    /** rows the writing pass went through (written, unchanged or skipped as bad) */
    public long rowsDone;
    public long created;
    public long updated;
    public long unchanged;
    /** the last physical line the writing pass went through */
    public long writtenThrough;
}
