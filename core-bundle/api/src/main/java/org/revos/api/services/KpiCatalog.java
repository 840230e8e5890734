package org.revos.api.services;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.revos.api.spi.KpiDefinition;

/** The KPIs a tenant can ask for: those of the KPI plugins enabled for it. */
@ProviderType
public interface KpiCatalog {

    /** @return the definitions of the KPIs the tenant can ask for, by id */
    List<KpiDefinition> definitions(String tenantId);
}
