package org.revos.kpi.internal;

import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.revos.api.model.Goal;
import org.revos.api.model.Pipeline;
import org.revos.api.model.Tenant;
import org.revos.api.query.RevosData;
import org.revos.api.query.TenantData;
import org.revos.api.services.Pipelines;
import org.revos.kernel.spi.Problem;

/**
 * Opens {@link KpiSession}s: the KPIs a tenant has, over its facts as of an instant, with the tenant's pipelines as
 * the stage engine states them ({@link Pipelines}, an API service). KPIs need the pipelines to know which stages win,
 * lose and follow which: while the stage engine is being swapped a request waits for it (up to
 * {@link #PIPELINES_WAIT_MS}), and without it the figures are refused (503) rather than computed wrong.
 */
@Component(service = KpiEngine.class)
public final class KpiEngine {

    /** How long a request waits for the stage engine's pipelines while that engine is being installed or updated. */
    static final long PIPELINES_WAIT_MS = 5_000;

    private final KpiCalculators calculators;
    private final FactsProjection projection;
    private final RevosData data;
    /** The stage engine's pipelines; absent while it is not installed */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Pipelines pipelines;

    @Activate
    public KpiEngine(@Reference KpiCalculators calculators, @Reference FactsProjection projection,
            @Reference RevosData data) {
        this.calculators = calculators;
        this.projection = projection;
        this.data = data;
    }

    /** An engine outside the framework (tests), over fixed pipelines. */
    KpiEngine(KpiCalculators calculators, FactsProjection projection, RevosData data, Pipelines pipelines) {
        this(calculators, projection, data);
        this.pipelines = pipelines;
    }

    /** @return the tenant's goals as they stand now */
    public List<Goal> goals(String tenantId) {
        return data.forTenant(tenantId).goals().toList();
    }

    /** @param asOf the instant to answer for; {@code null} for now */
    public KpiSession open(String tenantId, Instant asOf) {
        TenantData tenantData = data.forTenant(tenantId);
        Tenant tenant = tenantData.tenant();
        Instant at = asOf == null ? Instant.now() : asOf;
        List<Pipeline> stages = pipelines(tenant);
        // the facts before the calculators: a snapshot older than the calculators' revision is replaced at the next
        // request, while memos made by calculators older than the snapshot would stay in it
        var facts = projection.facts(tenant, asOf);
        return new KpiSession(calculators, tenant, calculators.forTenant(tenantId), facts, stages, at, tenantData);
    }

    private List<Pipeline> pipelines(Tenant tenant) {
        Pipelines now = pipelines;
        long until = System.currentTimeMillis() + PIPELINES_WAIT_MS;
        while (now == null && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            now = pipelines;
        }
        if (now == null) {
            throw new Problem(503, "figures-unavailable", "Figures unavailable", "KPIs are computed over the tenant's"
                    + " pipelines, which the stage engine states, and the stage engine is not running; retry once it"
                    + " is installed", List.of());
        }
        return now.effective(tenant);
    }
}
