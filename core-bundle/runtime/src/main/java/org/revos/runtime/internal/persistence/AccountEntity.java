package org.revos.runtime.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A company the tenant sells to. ARR and seats are the sums of its revenue events, kept current in the transaction that appends one. */
@Entity
@Table(name = "ACCOUNTS", uniqueConstraints = @UniqueConstraint(name = "UQ_ACCOUNTS_EXT", columnNames = { "TENANT_ID", "EXTERNALID" }), indexes = @Index(name = "IX_ACCOUNTS_OWNER", columnList = "TENANT_ID, OWNERID"))
public class AccountEntity extends TenantRow {
    @Column(length = 200, nullable = false)
    public String name;
    @Column(length = 253)
    public String domain;
    @Column(length = 2)
    public String country;
    public Integer employees;
    @Column(length = 100)
    public String industry;
    @Column(length = 100)
    public String segment;
    @Column(length = 40)
    public String ownerId;
    @Column(length = 32000)
    public String properties;
    /** Which fields enrichment filled: field → {provider, at, value}, as JSON; {@code null} when none. */
    @Column(length = 4000)
    public String enriched;
    public long arrCents;
    public long seats;
}
