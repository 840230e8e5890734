package org.revos.credit.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import org.revos.kernel.spi.TenantRow;

/** One effective-dated version of a tenant's credit rule. Versions are never changed; a new one supersedes. */
@Entity(name = "CreditRuleVersionEntity")
@Table(name = "CREDIT_RULES")
public class CreditRuleVersionEntity extends TenantRow {
    @Column(length = 100, nullable = false)
    public String ruleId;
    /** ISO date; the version governs from the start of that day in the tenant's time zone */
    @Column(length = 10, nullable = false)
    public String effectiveFrom;
    /** whether an account turning green is handed from its AE to an AM */
    public boolean handover;
    @Lob
    public String settingsJson;
}
