package org.revos.runtime.internal.persistence;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** An opportunity. */
@Entity
@Table(name = "DEALS", uniqueConstraints = @UniqueConstraint(name = "UQ_DEALS_EXT", columnNames = { "TENANT_ID", "EXTERNALID" }), indexes = { @Index(name = "IX_DEALS_ACCOUNT", columnList = "TENANT_ID, ACCOUNTID"), @Index(name = "IX_DEALS_OWNER", columnList = "TENANT_ID, OWNERID") })
public class DealEntity extends TenantRow {
    @Column(length = 40, nullable = false)
    public String accountId;
    @Column(length = 40)
    public String ownerId;
    @Column(length = 200, nullable = false)
    public String name;
    @Column(length = 20, nullable = false)
    public String type;
    public long arrCents;
    public Integer seats;
    @Column(length = 100)
    public String pipeline;
    @Column(length = 100)
    public String stage;
    public LocalDate closeDate;
    @Column(length = 100)
    public String lossReason;
    @Column(length = 32000)
    public String properties;
}
