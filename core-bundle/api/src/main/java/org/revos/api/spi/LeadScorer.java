package org.revos.api.spi;

import org.osgi.annotation.versioning.ConsumerType;
import org.revos.api.model.Lead;
import org.revos.api.query.TenantData;

/** Scores a lead from its firmographics and engagement. */
@ConsumerType
public interface LeadScorer {

    LeadScore score(Lead lead, TenantData data);
}
