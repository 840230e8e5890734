package org.revos.kernel.spi.objects;

import org.osgi.annotation.versioning.ProviderType;
import org.revos.api.model.ObjectType;
import org.revos.kernel.spi.TenantTransaction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Moves a lead or deal to another stage inside a transaction an engine runs, through the one enforcement point of
 * stage rules: exactly what {@code POST /api/v1/{leads|deals}/{id}/transitions} does (allowed moves, entry
 * requirements, the stage history row, a won or churned deal's revenue event, the audit entry and the events), so an
 * engine that qualifies a lead (lead intake making it MQL) leaves the same trace a person would. A service of the
 * stage engine, present while it runs (reference it optionally and dynamically: without it, objects have no stage);
 * since 1.3.
 * <p>
 * Since 1.4 it also serves bulk writers (the integration engine's imports and sync), which place objects in the
 * stage a row names and may bring revenue in a file of its own.
 */
@ProviderType
public interface StageMoves {

    /**
     * @param type    {@link ObjectType#LEAD} or {@link ObjectType#DEAL}
     * @param request the move as the transitions endpoint takes it: {@code {"toStage": "MQL", "properties": {...}}}
     *                (and {@code override} with a reason, for an ADMIN caller)
     * @return the object after the move, as the API shows it
     * @throws org.revos.kernel.spi.Problem 400 for a malformed request, 404 for an unknown object, 409 when the tenant
     *                                      has no active stage model, 422 listing every unmet requirement; the
     *                                      transaction then rolls back whole unless the caller catches it
     */
    ObjectNode move(TenantTransaction tx, ObjectType type, String id, JsonNode request);

    /**
     * {@link #move(TenantTransaction, ObjectType, String, JsonNode)}, saying whether a deal entering a won or churned
     * stage records its revenue event: an import whose revenue events come in their own file does not, or the revenue
     * would count twice. Since 1.4.
     */
    ObjectNode move(TenantTransaction tx, ObjectType type, String id, JsonNode request, boolean recordRevenue);

    /**
     * Places a lead or deal created a moment ago in this transaction, not yet placed: the first stage of
     * {@code pipeline} (of the default pipeline when {@code null}), then, when {@code stage} is named, a move there
     * with every entry requirement checked but not where it may be entered from (a new object comes from outside the
     * pipeline). With neither named and no active stage model, nothing happens. Since 1.4.
     *
     * @throws org.revos.kernel.spi.Problem 400 for an unknown pipeline, 409 without an active stage model when one
     *                                      is named, 422 listing unmet requirements
     */
    void place(TenantTransaction tx, ObjectType type, String id, String pipeline, String stage,
            boolean recordRevenue);

    /** @return the loss-reason codes of the stage models enabled for the tenant (empty without any); since 1.4 */
    java.util.List<String> lossReasons(org.revos.api.model.Tenant tenant);
}
