package org.revos.api.spi;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;
import org.revos.api.model.Lead;
import org.revos.api.model.Tenant;

/** Fills missing firmographics of a lead from an outside source. */
@ConsumerType
public interface EnrichmentProvider {

    /** @return what was found, or empty when the source knows nothing of this lead */
    Optional<Firmographics> enrich(Tenant tenant, Lead lead) throws Exception;
}
