package org.revos.kernel.spi;

import java.time.Instant;

import org.osgi.annotation.versioning.ConsumerType;
import org.revos.api.model.Tenant;
import org.revos.api.query.Facts;

/**
 * Where the kernel's {@code TenantData.facts(asOf)} (of the API's {@code RevosData} service) gets a tenant's facts:
 * the engine that keeps the facts projection (the KPI engine) registers one as an OSGi service. While none is
 * registered, {@code facts(asOf)} throws {@link IllegalStateException} saying so. It bridges the API as it stands
 * until the facts leave {@code TenantData} for the KPI engine's own API package; nothing else should use it.
 */
@ConsumerType
public interface FactsSource {

    /**
     * @param asOf the instant to describe; {@code null} for now
     * @return the tenant's facts, up to date with every committed write
     */
    Facts facts(Tenant tenant, Instant asOf);
}
