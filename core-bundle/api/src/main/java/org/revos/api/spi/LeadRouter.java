package org.revos.api.spi;

import org.osgi.annotation.versioning.ConsumerType;
import org.revos.api.model.Lead;
import org.revos.api.query.TenantData;

/** Filters a lead (hard rules) and routes it to a rep with free capacity. */
@ConsumerType
public interface LeadRouter {

    RoutingDecision route(Lead lead, LeadScore score, TenantData data);
}
