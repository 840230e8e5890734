package org.revos.leads.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.revos.kernel.spi.TenantRow;

/** Round-robin state of one user ({@link #id} is the user's id): when intake last routed a lead to them. */
@Entity(name = "LeadRepEntity")
@Table(name = "LEAD_REPS")
public class LeadRepEntity extends TenantRow {
    /** an ordinal that grows with every lead routed in the tenant */
    public long lastRouted;
}
