package org.revos.kpi.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.revos.api.security.Caller;
import org.revos.api.spi.KpiResult;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.rest.QueryFrom;
import org.revos.kernel.spi.rest.RevosResources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/v1/revenue/summary?period=}: the ARR bridge of the period (default: the current quarter) with NRR
 * and GRR, as the
 * {@value #KPI} KPI of the recurring-revenue plugin computes it (so it is absent, 404, for tenants that have the
 * plugin disabled), sliced and asked {@code asOf=} like any KPI.
 */
@Component(service = RevenueSummaryResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosResources.APPLICATION_SELECT)
@Path("revenue/summary")
@Produces(MediaType.APPLICATION_JSON)
public final class RevenueSummaryResource {

    static final String KPI = "recurring_revenue";
    private static final List<String> FIGURES = List.of("starting", "new", "expansion", "contraction", "churn",
            "ending", "nrr", "grr");

    private final KpiEngine engine;

    @Activate
    public RevenueSummaryResource(@Reference KpiEngine engine) {
        this.engine = engine;
    }

    /** @return the query parameters {@link #summary} reads */
    static ObjectNode factParameters() {
        return KpiQuery.parameters(true, "the current quarter in the tenant's time zone");
    }

    @GET
    @QueryFrom("factParameters")
    public JsonNode summary(@Context UriInfo uri, @Context SecurityContext security) {
        String tenantId = ((Caller) security.getUserPrincipal()).tenantId();
        Map<String, List<String>> parameters = new java.util.LinkedHashMap<>(uri.getQueryParameters());
        if (!parameters.containsKey("period")) {
            parameters.put("period", List.of(KpiQuery.quarterOf(Instant.now(), engine.open(tenantId, null).tenant()
                    .timeZone()).toString()));
        }
        KpiQuery query = KpiQuery.parse(parameters, List.of(), List.of());
        KpiSession session = engine.open(tenantId, query.asOf());
        if (session.kpi(KPI).isEmpty()) {
            throw new Problem(404, "not-found", "Not found", "No recurring-revenue plugin is enabled for this tenant",
                    List.of());
        }
        KpiResult bridge = session.compute(KPI, query.period(), query.filter(), Map.of(), null);
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("period", query.period().toString());
        for (String figure : FIGURES) {
            answer.put(figure, (BigDecimal) bridge.breakdown().get(figure));
        }
        if (query.asOf() != null) {
            answer.put("asOf", query.asOf().toString());
        }
        return answer;
    }
}
