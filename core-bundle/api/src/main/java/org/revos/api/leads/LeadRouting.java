package org.revos.api.leads;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Chooses the rep a scored lead goes to, or the queue it waits in when no rep may take it. The engine hands it the
 * tenant's reps with their capacity and current load, and guarantees that a choice of a rep without free capacity
 * is not applied (the lead goes to the queue instead, saying so). The engine uses the routing of the
 * highest-ranked plugin the tenant has enabled, one lead at a time per tenant.
 */
@ConsumerType
public interface LeadRouting {

    RoutingChoice route(ScoredLead lead, RoutingContext context);

    /**
     * Checks the routing's part of a tenant's intake settings ({@code routing}).
     *
     * @return per field (a JSON path inside the part), what is wrong with it; empty when valid
     */
    default Map<String, String> validate(Map<String, Object> settings) {
        return Map.of();
    }
}
