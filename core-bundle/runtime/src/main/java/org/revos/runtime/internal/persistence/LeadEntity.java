package org.revos.runtime.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A person or company before qualification. */
@Entity
@Table(name = "LEADS", uniqueConstraints = @UniqueConstraint(name = "UQ_LEADS_EXT", columnNames = { "TENANT_ID", "EXTERNALID" }), indexes = @Index(name = "IX_LEADS_OWNER", columnList = "TENANT_ID, OWNERID"))
public class LeadEntity extends TenantRow {
    @Column(length = 320)
    public String email;
    @Column(length = 200)
    public String name;
    @Column(length = 200)
    public String company;
    @Column(length = 2)
    public String country;
    public Integer employees;
    @Column(length = 200)
    public String title;
    @Column(length = 100)
    public String source;
    public Integer score;
    @Column(length = 40)
    public String ownerId;
    @Column(length = 100)
    public String pipeline;
    @Column(length = 100)
    public String stage;
    @Column(length = 32000)
    public String properties;
    /** Which fields enrichment filled: field → {provider, at, value}, as JSON; {@code null} when none. */
    @Column(length = 4000)
    public String enriched;
}
