package org.revos.credit.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import org.revos.kernel.spi.TenantRow;

/** One line of the stored credit ledger: what the tenant's rule made of one revenue event. */
@Entity(name = "CreditLineEntity")
@Table(name = "CREDIT_LINES", indexes = { @Index(name = "IX_CLINE_ACCOUNT", columnList = "TENANT_ID, ACCOUNTID"),
        @Index(name = "IX_CLINE_CREDITED", columnList = "TENANT_ID, CREDITEDAT"),
        @Index(name = "IX_CLINE_OCCURRED", columnList = "TENANT_ID, BUCKET, OCCURREDAT") })
public class CreditLineEntity extends TenantRow {
    @Column(length = 40, nullable = false)
    public String accountId;
    /** the line's position among its account's lines */
    public int seq;
    @Column(length = 40)
    public String revenueEventId;
    @Column(length = 40)
    public String dealId;
    @Column(length = 40)
    public String ownerId;
    public long amountCents;
    /** ORANGE or GREEN */
    @Column(length = 6, nullable = false)
    public String bucket;
    public long occurredAt;
    public Long creditedAt;
}
