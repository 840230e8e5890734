package org.revos.kpi.internal;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.revos.api.spi.KpiDefinition;
import org.revos.api.spi.KpiResult;
import org.revos.kernel.spi.rest.QueryFrom;
import org.revos.kernel.spi.rest.RevosResources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/v1/kpis}: the KPIs the plugins enabled for the caller's tenant offer; {@code GET /api/v1/kpis/{id}}
 * computes one for {@code period=} (and {@code asOf=}), sliced by the filter dimensions, with the KPI's own
 * parameters.
 */
@Component(service = KpisResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosResources.APPLICATION_SELECT)
@Path("kpis")
@Produces(MediaType.APPLICATION_JSON)
public final class KpisResource {

    private final KpiEngine engine;

    @Activate
    public KpisResource(@Reference KpiEngine engine) {
        this.engine = engine;
    }

    /** @return the query parameters {@link #compute} reads */
    static ObjectNode factParameters() {
        return KpiQuery.parameters(true, null);
    }

    @GET
    public JsonNode list(@Context SecurityContext security) {
        KpiSession session = engine.open(tenant(security), null);
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        ArrayNode items = page.putArray("items");
        session.offered().values().stream().sorted((a, b) -> a.id().compareTo(b.id())).forEach(k -> {
            KpiDefinition d = k.definition();
            ObjectNode item = items.addObject().put("id", d.id()).put("label", d.label()).put("unit", d.unit().name())
                    .put("higherIsBetter", d.higherIsBetter()).put("plugin", k.pluginId());
            d.parameters().forEach(item.putArray("parameters")::add);
            if (d.parameters().isEmpty()) {
                item.putArray("parameters");
            }
        });
        page.putNull("next");
        return page;
    }

    @GET
    @Path("{kpiId}")
    @QueryFrom("factParameters")
    public JsonNode compute(@PathParam("kpiId") String kpiId, @Context UriInfo uri,
            @Context SecurityContext security) {
        var parameters = uri.getQueryParameters();
        KpiSession session = engine.open(tenant(security), null);
        KpiDefinition definition = session.require(kpiId).definition();
        KpiQuery query = KpiQuery.parse(parameters, definition.parameters(), List.of());
        if (query.asOf() != null) {
            session = engine.open(tenant(security), query.asOf());
        }
        KpiResult result = session.compute(kpiId, query.period(), query.filter(), query.parameters(), null);
        return render(definition, query, result);
    }

    /** @return {@code {"kpi", "period", "value", "unit", "breakdown"?}} plus the filter and asOf that applied */
    static ObjectNode render(KpiDefinition definition, KpiQuery query, KpiResult result) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("kpi", definition.id())
                .put("period", query.period().toString()).put("value", result.value())
                .put("unit", definition.unit().name());
        if (!result.breakdown().isEmpty()) {
            answer.set("breakdown", KpiJson.MAPPER.valueToTree(result.breakdown()));
        }
        if (!query.filter().isEmpty()) {
            answer.set("filter", KpiJson.MAPPER.valueToTree(query.filter()));
        }
        if (!query.parameters().isEmpty()) {
            answer.set("parameters", KpiJson.MAPPER.valueToTree(query.parameters()));
        }
        if (query.asOf() != null) {
            answer.put("asOf", query.asOf().toString());
        }
        return answer;
    }

    private static String tenant(SecurityContext security) {
        return ((Caller) security.getUserPrincipal()).tenantId();
    }
}
