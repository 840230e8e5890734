package org.revos.kpi.internal;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.revos.api.security.Caller;
import org.revos.api.spi.KpiResult;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.TenantStore;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.rest.Described;
import org.revos.kernel.spi.rest.JsonSchemas;
import org.revos.kernel.spi.rest.RevosResources;
import org.revos.kernel.spi.rest.SchemaFrom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/v1/goals/{id}/pacing?at=}: where a goal stands at an instant (default now): {@code target},
 * {@code actual}, {@code expected}, {@code pace}, {@code status}, and the {@code rolledUpTarget} of the goals under
 * it.
 */
@Component(service = GoalsPacingResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosResources.APPLICATION_SELECT)
@Path("goals/{id}/pacing")
@Produces(MediaType.APPLICATION_JSON)
public final class GoalsPacingResource {

    private final KpiEngine engine;
    private final TenantStore store;

    @Activate
    public GoalsPacingResource(@Reference KpiEngine engine, @Reference TenantStore store) {
        this.engine = engine;
        this.store = store;
    }

    static ObjectNode atSchema() {
        return JsonSchemas.instant();
    }

    @GET
    public JsonNode pacing(@PathParam("id") String id, @QueryParam("at") @SchemaFrom("atSchema") @Described("The instant to judge"
            + " the pace at, ISO-8601 in UTC such as 2026-07-15T10:00:00Z; default: now") String atText, @Context UriInfo uri,
            @Context SecurityContext security) {
        Violations v = new Violations();
        uri.getQueryParameters().keySet().stream().filter(k -> !k.equals("at"))
                .forEach(k -> v.add(k, "is not a parameter of pacing; use at"));
        Instant at = KpiQuery.instant(atText == null ? null : List.of(atText), "at", v);
        v.throwIfAny();
        String tenantId = ((Caller) security.getUserPrincipal()).tenantId();
        KpiSession session = engine.open(tenantId, at);
        List<Goal> goals = engine.goals(tenantId);
        Goal goal = goals.stream().filter(g -> g.id().equals(id)).findFirst()
                .orElseThrow(() -> Problem.notFound("goal", id));
        GoalBook book = new GoalBook(goals, session.facts().teams());
        GoalStanding s = GoalStanding.of(session, book, goal, goal.target(), session.asOf(),
                KpiSettings.yellowFrom(store, tenantId));
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("goalId", goal.id()).put("kpi", goal.kpi())
                .put("period", goal.period()).put("at", session.asOf().toString());
        answer.set("scope", KpiJson.MAPPER.valueToTree(GoalStanding.scopeFilter(goal)));
        answer.put("target", KpiResult.plain(goal.target()));
        answer.put("rolledUpTarget", s.rolledUpTarget().orElse(null));
        answer.put("actual", s.actual()).put("expected", s.standing().expected())
                .put("pace", s.standing().pace()).put("status", s.standing().status().name());
        return answer;
    }
}
