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
 * engine that qualifies a lead (lead intake making it MQL) leaves the same trace a person would. A service, present
 * while stages are available to the tenant; since 1.3.
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
}
