package org.revos.api.spi;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;
import org.revos.api.query.TenantData;

/** Checks one CREDIT tactic of an initiative against the tenant's real configuration and data. */
@ConsumerType
public interface AdoptionProbe {

    String id();

    AdoptionTactic tactic();

    /**
     * @param initiative what the initiative is about (for example {@code objectType}, {@code property},
     *                   {@code pipeline}, {@code kpi})
     */
    ProbeResult check(Map<String, String> initiative, TenantData data);
}
