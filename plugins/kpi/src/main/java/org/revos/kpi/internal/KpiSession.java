package org.revos.kpi.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.revos.api.model.Period;
import org.revos.api.model.Pipeline;
import org.revos.api.model.Tenant;
import org.revos.api.query.Facts;
import org.revos.api.query.TenantData;
import org.revos.api.spi.InvalidKpiRequest;
import org.revos.api.spi.KpiRequest;
import org.revos.api.spi.KpiResult;
import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.PluginCallFailed;
import org.revos.kernel.spi.Problem;

/**
 * Everything one request needs to compute KPIs for one tenant as of one instant: the offered calculators, the facts,
 * the pipelines. A goal matrix computes dozens of figures with one session.
 */
public final class KpiSession {

    private static final Logger LOG = Logger.getLogger(KpiSession.class.getName());

    private final KpiCalculators calculators;
    private final Tenant tenant;
    private final Map<String, KpiCalculators.Offered> offered;
    private final Facts facts;
    private final List<Pipeline> pipelines;
    private final Instant asOf;
    private final TenantData data;
    private final Map<Computation, KpiResult> computed = new ConcurrentHashMap<>();

    /**
     * What a result depends on besides the session's facts and pipelines: the end of what is counted, and the instant
     * the facts were cut at when earlier than the session's ({@code Long.MAX_VALUE} when not cut).
     */
    private record Computation(String kpi, Period period, Map<String, String> filter, Map<String, String> parameters,
            long until, long factsCutAt) {
    }

    KpiSession(KpiCalculators calculators, Tenant tenant, Map<String, KpiCalculators.Offered> offered, Facts facts,
            List<Pipeline> pipelines, Instant asOf, TenantData data) {
        this.calculators = calculators;
        this.tenant = tenant;
        this.offered = offered;
        this.facts = facts;
        this.pipelines = pipelines;
        this.asOf = asOf;
        this.data = data;
    }

    public Tenant tenant() {
        return tenant;
    }

    /** @return the instant the session answers for */
    public Instant asOf() {
        return asOf;
    }

    /** @return the tenant's facts as of the session's instant */
    public Facts facts() {
        return facts;
    }

    public Map<String, KpiCalculators.Offered> offered() {
        return offered;
    }

    public Optional<KpiCalculators.Offered> kpi(String id) {
        return Optional.ofNullable(offered.get(id));
    }

    /** @throws Problem 404 when the tenant has no such KPI */
    public KpiCalculators.Offered require(String id) {
        return kpi(id).orElseThrow(() -> new Problem(404, "not-found", "Not found", "No KPI " + id
                + " is available to this tenant; GET /api/v1/kpis lists those that are", List.of()));
    }

    /**
     * Within a session each computation is made once: a goal matrix asks for a cell's actual, for the same figure
     * as last year's side of the next year's cell, and again for its status.
     *
     * @param until the instant to count up to (earlier than the session's {@code asOf} for pacing), or {@code null}
     * @throws Problem 400 naming refused parameters, 404 for unknown KPIs, 503 when the plugin failed
     */
    public KpiResult compute(String kpiId, Period period, Map<String, String> filter, Map<String, String> parameters,
            Instant until) {
        KpiCalculators.Offered kpi = require(kpiId);
        Instant at = until == null || until.isAfter(asOf) ? asOf : until;
        Facts known = at.equals(asOf) ? facts : facts.asOf(at);
        KpiRequest request = new KpiRequest(period, filter, parameters, known, pipelines, at, data);
        Computation key = new Computation(kpiId, period, request.filter(), request.parameters(), request.until(),
                at.equals(asOf) ? Long.MAX_VALUE : at.toEpochMilli());
        KpiResult done = computed.get(key);
        if (done != null) {
            return done;
        }
        KpiResult result = calculate(kpi, kpiId, request);
        computed.putIfAbsent(key, result);
        return result;
    }

    private KpiResult calculate(KpiCalculators.Offered kpi, String kpiId, KpiRequest request) {
        try {
            return calculators.compute(kpi, tenant.id(), request);
        } catch (InvalidKpiRequest refused) {
            throw Problem.invalid(refused.problems().entrySet().stream()
                    .map(e -> new FieldError(e.getKey(), e.getValue())).toList());
        } catch (PluginCallFailed failed) {
            LOG.log(Level.WARNING, failed.getMessage(), failed.getCause());
            throw new Problem(503, "plugin-unavailable", "KPI unavailable", "KPI " + kpiId + " could not be"
                    + " computed: " + why(failed), List.of());
        }
    }

    /**
     * @return why in plain words; what the plugin threw stays in the log (its class and message are the plugin's,
     *         not the caller's business)
     */
    static String why(PluginCallFailed failed) {
        String plugin = "the plugin " + failed.pluginId();
        return switch (failed.reason()) {
            case FAILED -> plugin + " failed; the runtime's log has the details";
            case TIMED_OUT -> plugin + " did not answer in time";
            case SATURATED -> plugin + " is busy with other calls; try again shortly";
            case QUARANTINED -> plugin + " is quarantined for this tenant after failing repeatedly; it is tried"
                    + " again after a pause";
        };
    }
}
