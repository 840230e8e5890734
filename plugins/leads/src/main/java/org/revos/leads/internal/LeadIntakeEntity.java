package org.revos.leads.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import org.revos.kernel.spi.TenantRow;

/**
 * What intake decided for one sign-up, and why: the fields enrichment filled, the filter that diverted it (or none),
 * the score with its explanation, whether it became MQL (or why not), and the rep or queue routing chose. The lead
 * itself is the kernel's ({@link #leadId}); a duplicate makes no new lead and names the one it repeats.
 */
@Entity(name = "LeadIntakeEntity")
@Table(name = "LEAD_INTAKES", indexes = { @Index(name = "IX_LEAD_INTAKES_EMAIL", columnList = "TENANT_ID, EMAIL"),
        @Index(name = "IX_LEAD_INTAKES_DOMAIN", columnList = "TENANT_ID, DOMAIN"),
        @Index(name = "IX_LEAD_INTAKES_OWNER", columnList = "TENANT_ID, OWNERID"),
        @Index(name = "IX_LEAD_INTAKES_LEAD", columnList = "TENANT_ID, LEADID"),
        @Index(name = "IX_LEAD_INTAKES_RECEIVED", columnList = "TENANT_ID, RECEIVEDAT") })
public class LeadIntakeEntity extends TenantRow {
    @Column(length = 40)
    public String leadId;
    @Column(length = 40)
    public String duplicateOf;
    @Column(length = 320, nullable = false)
    public String email;
    @Column(length = 320, nullable = false)
    public String domain;
    public long receivedAt;
    /** ROUTED, QUEUED or DIVERTED */
    @Column(length = 20, nullable = false)
    public String outcome;
    /** the fallback (DIVERTED) or queue (QUEUED) */
    @Column(length = 60)
    public String lane;
    /** field → plugin id of the enrichment provider that filled it, as JSON */
    @Column(length = 1000)
    public String enrichedJson;
    @Column(length = 200)
    public String filterPlugin;
    @Column(length = 60)
    public String filterRule;
    @Column(length = 1000)
    public String filterReason;
    @Column(length = 200)
    public String scoringPlugin;
    public Integer score;
    public double fit;
    public double engagement;
    public int fitWeight;
    public int engagementWeight;
    @Lob
    public String explanationJson;
    public boolean mql;
    @Column(length = 2000)
    public String mqlReason;
    @Column(length = 200)
    public String routingPlugin;
    @Column(length = 40)
    public String ownerId;
    @Column(length = 60)
    public String routingRule;
    @Column(length = 1000)
    public String routingReason;
    /** the sign-up's signals and those posted later for the lead (type, count, at), newest last, as JSON */
    @Lob
    public String signalsJson;
    /** when the score was last computed: at intake, or when signals posted later re-scored the lead */
    public Long scoredAt;
}
