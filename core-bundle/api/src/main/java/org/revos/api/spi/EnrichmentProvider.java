package org.revos.api.spi;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;
import org.revos.api.model.Tenant;

/**
 * Fills missing firmographics of a new account or lead from an outside source. The runtime asks a tenant's enabled
 * providers right after the object's creation has committed, on a background worker and through its plugin gateway
 * (with a timeout), so a slow or broken provider never delays or fails a creation. It writes only the fields that are
 * still empty when the answer arrives and records, per field, which provider filled it and when.
 */
@ConsumerType
public interface EnrichmentProvider {

    /**
     * @return what the source knows of the company, or empty when it knows nothing of it; {@code null} components of
     *         the answer are unknown and leave the field as it is
     * @throws Exception when the source cannot be asked now; the runtime retries later with back-off
     */
    Optional<Firmographics> enrich(Tenant tenant, EnrichmentRequest request) throws Exception;
}
