package org.revos.kpi.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.revos.api.model.Goal;
import org.revos.api.model.GoalScope;
import org.revos.api.model.Period;
import org.revos.api.security.Caller;
import org.revos.api.spi.KpiDefinition;
import org.revos.kernel.spi.TenantStore;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.rest.Described;
import org.revos.kernel.spi.rest.JsonSchemas;
import org.revos.kernel.spi.rest.QueryFrom;
import org.revos.kernel.spi.rest.RevosResources;
import org.revos.kernel.spi.rest.SchemaFrom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/v1/goal-matrix?kpis=&periods=}: one row per KPI (default: every KPI without parameters), one cell
 * per period (default: the current quarter) with {@code actual},
 * {@code goal} (the set goal of the scope, else the roll-up of the goals under it), {@code deltaToGoal},
 * {@code yoyDelta} (against the same period a year earlier) and {@code status} (by pacing, at {@code asOf} or now).
 * The scope is the tenant, or one team ({@code team=}) or user ({@code ownerId=}); other filters slice the actuals.
 */
@Component(service = GoalMatrixResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosResources.APPLICATION_SELECT)
@Path("goal-matrix")
@Produces(MediaType.APPLICATION_JSON)
public final class GoalMatrixResource {

    private final KpiEngine engine;
    private final TenantStore store;

    @Activate
    public GoalMatrixResource(@Reference KpiEngine engine, @Reference TenantStore store) {
        this.engine = engine;
        this.store = store;
    }

    /** @return the query parameters {@link #matrix} reads through {@code UriInfo}: asOf and the filters */
    static ObjectNode factParameters() {
        return KpiQuery.parameters(false, null);
    }

    static ObjectNode periodsSchema() {
        return JsonSchemas.array(JsonSchemas.period(), 0, 100);
    }

    @GET
    @QueryFrom("factParameters")
    public JsonNode matrix(
            @QueryParam("kpis") @Described("The rows: KPI ids, comma-separated or repeated; default: every KPI of"
                    + " the tenant that takes no parameters (GET /kpis lists them)") List<String> kpiIds,
            @QueryParam("periods") @SchemaFrom("periodsSchema") @Described("The columns: years, quarters or months such as 2026-Q1,2026-Q2,"
                    + " comma-separated or repeated; default: the current quarter") List<String> periodTexts,
            @Context UriInfo uri, @Context SecurityContext security) {
        var query = uri.getQueryParameters();
        Violations v = new Violations();
        List<String> kpis = KpiQuery.list(kpiIds);
        List<Period> periods = new ArrayList<>();
        for (String p : KpiQuery.list(periodTexts)) {
            Period period = KpiQuery.period(List.of(p), "periods", v);
            if (period != null) {
                periods.add(period);
            }
        }
        Map<String, List<String>> rest = new java.util.LinkedHashMap<>(query);
        rest.remove("kpis");
        rest.remove("periods");
        rest.put("period", List.of("2026"));
        KpiQuery filter = null;
        try {
            filter = KpiQuery.parse(rest, List.of(), List.of());
        } catch (org.revos.kernel.spi.Problem p) {
            p.errors().forEach(e -> v.add(e.field(), e.message()));
        }
        String tenantId = ((Caller) security.getUserPrincipal()).tenantId();
        KpiSession session = engine.open(tenantId, filter == null ? null : filter.asOf());
        if (kpis.isEmpty()) {
            session.offered().values().stream().filter(k -> k.definition().parameters().isEmpty())
                    .map(KpiCalculators.Offered::id).sorted().forEach(kpis::add);
        }
        if (periods.isEmpty() && !v.has("periods")) {
            periods.add(KpiQuery.quarterOf(session.asOf(), session.tenant().timeZone()));
        }
        kpis.stream().filter(k -> session.kpi(k).isEmpty()).forEach(k -> v.add("kpis", "no KPI " + k
                + " is available to this tenant"));
        v.throwIfAny();
        GoalBook book = new GoalBook(engine.goals(tenantId), session.facts().teams());
        BigDecimal yellowFrom = KpiSettings.yellowFrom(store, tenantId);
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("asOf", session.asOf().toString());
        ArrayNode rows = answer.putArray("rows");
        for (String kpi : kpis) {
            KpiDefinition d = session.require(kpi).definition();
            ObjectNode row = rows.addObject().put("kpi", kpi).put("unit", d.unit().name());
            ArrayNode cells = row.putArray("cells");
            for (Period period : periods) {
                cells.add(cell(session, book, kpi, period, filter.filter(), yellowFrom));
            }
        }
        return answer;
    }

    private static ObjectNode cell(KpiSession session, GoalBook book, String kpi, Period period,
            Map<String, String> filter, BigDecimal yellowFrom) {
        BigDecimal actual = session.compute(kpi, period, filter, Map.of(), null).value();
        BigDecimal lastYear = session.compute(kpi, period.previousYear(), filter, Map.of(), null).value();
        Optional<Goal> set = book.setFor(kpi, period, filter);
        Goal goal = set.orElseGet(() -> new Goal(null, null, kpi, period.toString(), null, new GoalScope(
                filter.get("team"), filter.get("ownerId")), List.of()));
        long teamAt = Math.min(session.asOf().toEpochMilli(), period.end(session.tenant().timeZone())
                .toEpochMilli() - 1);
        BigDecimal target = set.map(Goal::target).or(() -> book.rolledUp(goal, teamAt)).orElse(null);
        ObjectNode cell = JsonNodeFactory.instance.objectNode().put("period", period.toString()).put("actual", actual)
                .put("goal", target == null ? null : org.revos.api.spi.KpiResult.plain(target));
        cell.put("deltaToGoal", actual == null || target == null ? null : actual.subtract(target));
        cell.put("yoyDelta", actual == null || lastYear == null ? null : actual.subtract(lastYear));
        if (target == null) {
            cell.putNull("status");
        } else {
            cell.put("status", GoalStanding.of(session, book, new Goal(goal.id(), null, kpi, period.toString(), target,
                    goal.scope(), goal.pacing()), target, session.asOf(), yellowFrom).standing().status().name());
        }
        return cell;
    }
}
