package org.revos.kpi.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.revos.api.services.KpiCatalog;
import org.revos.api.spi.KpiDefinition;

/**
 * The KPIs a tenant can ask for, for other capabilities (adoption probes look for an initiative's KPI); absent, as
 * the rest of the KPI engine, while the engine is not installed.
 */
@Component(service = KpiCatalog.class)
public final class OfferedKpis implements KpiCatalog {

    private final KpiCalculators calculators;

    @Activate
    public OfferedKpis(@Reference KpiCalculators calculators) {
        this.calculators = calculators;
    }

    @Override
    public List<KpiDefinition> definitions(String tenantId) {
        return calculators.forTenant(tenantId).values().stream().map(KpiCalculators.Offered::definition).toList();
    }
}
