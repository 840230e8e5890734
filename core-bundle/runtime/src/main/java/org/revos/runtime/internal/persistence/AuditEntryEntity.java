package org.revos.runtime.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** One write: who, what, when, and the object before and after. Append-only. */
@Entity
@Table(name = "AUDIT_LOG", uniqueConstraints = @UniqueConstraint(name = "UQ_AUDIT_LOG_EXT", columnNames = { "TENANT_ID", "EXTERNALID" }), indexes = @Index(name = "IX_AUDIT_OBJECT", columnList = "TENANT_ID, OBJECTID"))
public class AuditEntryEntity extends TenantRow {
    @Column(name = "AUDIT_AT")
    public long at;
    @Column(length = 40)
    public String actorKeyId;
    @Column(length = 200)
    public String actorName;
    @Column(length = 40, nullable = false)
    public String action;
    @Column(length = 40)
    public String objectType;
    @Column(length = 200)
    public String objectId;
    @jakarta.persistence.Lob
    public String beforeJson;
    @jakarta.persistence.Lob
    public String afterJson;
}
