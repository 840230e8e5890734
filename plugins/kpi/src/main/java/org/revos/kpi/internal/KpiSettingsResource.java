package org.revos.kpi.internal;

import java.math.BigDecimal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.revos.api.security.Caller;
import org.revos.kernel.spi.TenantStore;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.rest.Access;
import org.revos.kernel.spi.rest.JsonSchemas;
import org.revos.kernel.spi.rest.RevosResources;
import org.revos.kernel.spi.rest.SchemaFrom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET|PUT /api/v1/kpi-settings} {@code {"yellowFrom": 0.9}}: the pace from which a goal is YELLOW rather than
 * RED (default 0.9), for the tenant's ADMIN keys.
 */
@Component(service = KpiSettingsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosResources.APPLICATION_SELECT)
@Access(Access.Level.TENANT_ADMIN)
@Path("kpi-settings")
@Produces(MediaType.APPLICATION_JSON)
public final class KpiSettingsResource {

    private final TenantStore store;

    @Activate
    public KpiSettingsResource(@Reference TenantStore store) {
        this.store = store;
    }

    @GET
    public JsonNode get(@Context SecurityContext security) {
        return render(KpiSettings.yellowFrom(store, tenant(security)));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @SchemaFrom(value = "putSchema", name = "KpiSettings")
    public JsonNode put(JsonNode body, @Context SecurityContext security) {
        Violations v = new Violations();
        JsonNode value = body == null ? null : body.get("yellowFrom");
        if (body == null || !body.isObject()) {
            v.add("body", "must be a JSON object such as {\"yellowFrom\": 0.9}");
        } else {
            body.fieldNames().forEachRemaining(f -> {
                if (!f.equals("yellowFrom")) {
                    v.add(f, "is not a KPI setting; use yellowFrom");
                }
            });
            if (value == null || !value.isNumber() || value.decimalValue().signum() < 0
                    || value.decimalValue().compareTo(BigDecimal.ONE) > 0) {
                v.add("yellowFrom", "must be a number from 0 to 1, such as 0.9");
            }
        }
        v.throwIfAny();
        BigDecimal yellowFrom = value.decimalValue();
        Caller caller = (Caller) security.getUserPrincipal();
        return store.transaction(caller.tenantId(), caller, tx -> {
            KpiSettingsEntity s = KpiSettings.forWrite(tx, caller.tenantId());
            s.yellowFrom = yellowFrom;
            s.updatedAt = tx.now();
            ObjectNode after = render(yellowFrom);
            tx.audit("KPI_SETTINGS", "KPI_SETTINGS", KpiSettings.NAME, null, after);
            return after;
        });
    }

    /** @return what {@link #put} accepts */
    static ObjectNode putSchema() {
        return JsonSchemas.object("The tenant's KPI settings").required("yellowFrom", JsonSchemas.type("number")
                .put("minimum", 0).put("maximum", 1).put("description", "The pace from which a goal is YELLOW"
                        + " rather than RED")).build();
    }

    private static ObjectNode render(BigDecimal yellowFrom) {
        return JsonNodeFactory.instance.objectNode().put("yellowFrom", yellowFrom.stripTrailingZeros());
    }

    private static String tenant(SecurityContext security) {
        return ((Caller) security.getUserPrincipal()).tenantId();
    }
}
