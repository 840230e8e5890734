package org.revos.runtime.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** Long work run in the background (recomputes, imports): its state, progress and the problems it met. */
@Entity
@Table(name = "JOBS", indexes = @Index(name = "IX_JOBS_STATUS", columnList = "TENANT_ID, STATUS"))
public class JobEntity extends TenantRow {
    @Column(length = 60, nullable = false)
    public String kind;
    /** QUEUED, RUNNING, SUCCEEDED or FAILED */
    @Column(length = 10, nullable = false)
    public String status;
    public long done;
    public long total;
    @Column(length = 1000)
    public String detail;
    @Lob
    public String errorsJson;
    public long errorCount;
    @Lob
    public String resultJson;
    @Column(length = 40)
    public String requestedBy;
    public Long startedAt;
    public Long finishedAt;
}
