package org.revos.leads.internal;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.revos.api.leads.Signal;
import org.revos.api.security.Caller;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.rest.RevosResources;
import org.revos.kernel.spi.rest.SchemaFrom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v1/leads/{id}/signals}: product usage, engagement and growth signals of a lead intake took, posted
 * after its sign-up (a board created, seats added), which re-score it and may make it MQL. Signals come long after the
 * sign-up, from the product, so they are a call of their own rather than part of intake.
 */
@Component(service = LeadSignalsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosResources.APPLICATION_SELECT)
@Path("leads/{id}/signals")
@Produces(MediaType.APPLICATION_JSON)
public final class LeadSignalsResource {

    private final LeadsEngine engine;

    @Activate
    public LeadSignalsResource(@Reference LeadsEngine engine) {
        this.engine = engine;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SchemaFrom(value = "signalsSchema", name = "LeadSignals")
    public JsonNode post(@PathParam("id") String id, JsonNode body, @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        Violations v = new Violations();
        List<Signal> signals = SignUpInput.postedSignals(body, Instant.now(), v);
        v.throwIfAny();
        return engine.signals(caller, id, signals);
    }

    static ObjectNode signalsSchema() {
        return SignUpInput.signalsSchema();
    }
}
