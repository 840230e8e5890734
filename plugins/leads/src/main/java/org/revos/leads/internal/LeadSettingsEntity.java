package org.revos.leads.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A tenant's intake settings, one row per tenant, replaced whole by each accepted PUT. */
@Entity(name = "LeadSettingsEntity")
@Table(name = "LEAD_SETTINGS")
public class LeadSettingsEntity extends org.revos.kernel.spi.TenantRow {
    @Lob
    public String settingsJson;
}
