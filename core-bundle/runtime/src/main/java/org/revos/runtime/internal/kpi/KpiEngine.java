package org.revos.runtime.internal.kpi;

import java.time.Instant;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.revos.api.model.Tenant;
import org.revos.api.query.RevosData;
import org.revos.api.query.TenantData;
import org.revos.api.services.Pipelines;

/** Opens {@link KpiSession}s: the KPIs a tenant has, over its facts as of an instant. */
@Component(service = KpiEngine.class)
public final class KpiEngine {

    private final KpiCalculators calculators;
    private final FactsProjection projection;
    /** the tenant's pipelines, from the stage engine; none while it does not run */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Pipelines pipelines;
    private final RevosData data;

    @Activate
    public KpiEngine(@Reference KpiCalculators calculators, @Reference FactsProjection projection,
            @Reference RevosData data) {
        this.calculators = calculators;
        this.projection = projection;
        this.data = data;
    }

    /** Sets the pipelines the sessions see, as the stage engine's service would (for tests). */
    void pipelines(Pipelines pipelines) {
        this.pipelines = pipelines;
    }

    /** @return the tenant's goals as they stand now */
    public java.util.List<org.revos.api.model.Goal> goals(String tenantId) {
        return data.forTenant(tenantId).goals().toList();
    }

    /** @param asOf the instant to answer for; {@code null} for now */
    public KpiSession open(String tenantId, Instant asOf) {
        TenantData tenantData = data.forTenant(tenantId);
        Tenant tenant = tenantData.tenant();
        Instant at = asOf == null ? Instant.now() : asOf;
        return new KpiSession(calculators, tenant, calculators.forTenant(tenantId), projection.facts(tenant, asOf),
                pipelines == null ? java.util.List.of() : pipelines.effective(tenant), at, tenantData);
    }
}
