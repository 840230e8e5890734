package org.revos.runtime.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A call, email, meeting or note. */
@Entity
@Table(name = "ACTIVITIES", uniqueConstraints = @UniqueConstraint(name = "UQ_ACTIVITIES_EXT", columnNames = { "TENANT_ID", "EXTERNALID" }), indexes = @Index(name = "IX_ACTIVITIES_AT", columnList = "TENANT_ID, OCCURREDAT"))
public class ActivityEntity extends TenantRow {
    @Column(length = 20, nullable = false)
    public String type;
    @Column(length = 40)
    public String userId;
    public long occurredAt;
    @Column(length = 500)
    public String subject;
    @Column(length = 32000)
    public String notes;
    @Column(length = 40)
    public String leadId;
    @Column(length = 40)
    public String contactId;
    @Column(length = 40)
    public String accountId;
    @Column(length = 40)
    public String dealId;
}
