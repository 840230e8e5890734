package org.revos.credit.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import org.revos.kernel.spi.TenantRow;

/** The credit state of one account (its id is the account's): bucket, metric total and threshold. */
@Entity(name = "CreditAccountEntity")
@Table(name = "CREDIT_ACCOUNTS", indexes = @Index(name = "IX_CACC_NEAR", columnList = "TENANT_ID, NEARTHRESHOLD"))
public class CreditAccountEntity extends TenantRow {
    @Column(length = 100, nullable = false)
    public String ruleId;
    /** ORANGE or GREEN */
    @Column(length = 6, nullable = false)
    public String bucket;
    /** ARR in minor units or seats, as the rule's metric says */
    public long total;
    public long threshold;
    public Long greenAt;
    public boolean nearThreshold;
    /** total / threshold, for ordering the near-threshold worklist */
    public double share;
    /** the owner before the account was handed over on turning green; {@code null} if it never was */
    @Column(length = 40)
    public String handedOverFrom;
    /** a digest of the account's lines, so a recompute rewrites only the accounts whose lines changed */
    public long linesDigest;
}
