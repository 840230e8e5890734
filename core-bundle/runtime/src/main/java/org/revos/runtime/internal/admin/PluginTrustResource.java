package org.revos.runtime.internal.admin;

import java.net.URI;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.revos.api.security.Caller;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.rest.Access;
import org.revos.kernel.spi.rest.JsonSchemas;
import org.revos.kernel.spi.rest.ResponseStatus;
import org.revos.kernel.spi.rest.SchemaFrom;
import org.revos.runtime.internal.plugins.PluginTrust;
import org.revos.runtime.internal.rest.RevosApplication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/admin/plugin-trust}: whether the installation installs only signed plugins, and whose signatures it
 * trusts. Turning signatures on or off changes what later installs accept; running plugins keep running.
 */
@Component(service = PluginTrustResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosApplication.SELECT)
@Access(Access.Level.PLATFORM)
@Path("admin/plugin-trust")
@Produces(MediaType.APPLICATION_JSON)
public final class PluginTrustResource {

    private final PluginTrust trust;

    @Activate
    public PluginTrustResource(@Reference PluginTrust trust) {
        this.trust = trust;
    }

    @GET
    public JsonNode get() {
        return render();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @SchemaFrom(value = "policySchema", name = "PluginTrustPolicy")
    public JsonNode put(JsonNode body, @Context SecurityContext security) {
        Violations v = new Violations();
        only(body, Set.of("requireSignatures"), v);
        JsonNode required = body == null ? null : body.get("requireSignatures");
        if (body != null && body.isObject() && (required == null || !required.isBoolean())) {
            v.add("requireSignatures", "is required: true to install only plugins signed by a trusted signer, false"
                    + " to install any plugin");
        }
        v.throwIfAny();
        trust.require(required.booleanValue(), (Caller) security.getUserPrincipal());
        return render();
    }

    @POST
    @Path("signers")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @SchemaFrom(value = "signerSchema", name = "TrustedSignerCreate")
    public Response add(JsonNode body, @Context SecurityContext security) {
        Violations v = new Violations();
        only(body, Set.of("name", "certificate"), v);
        v.throwIfAny();
        PluginTrust.Signer signer = trust.add(text(body, "name"), text(body, "certificate"),
                (Caller) security.getUserPrincipal());
        return Response.created(URI.create("/api/v1/admin/plugin-trust/signers/" + signer.id()))
                .type(MediaType.APPLICATION_JSON).entity(signer.toJson()).build();
    }

    @DELETE
    @Path("signers/{id}")
    public Response remove(@PathParam("id") String id, @Context SecurityContext security) {
        trust.remove(id, (Caller) security.getUserPrincipal());
        return Response.noContent().build();
    }

    private ObjectNode render() {
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("requireSignatures", trust.required());
        var signers = out.putArray("signers");
        trust.signers().forEach(s -> signers.add(s.toJson()));
        return out;
    }

    private static void only(JsonNode body, Set<String> fields, Violations v) {
        if (body == null || !body.isObject()) {
            throw Problem.invalid("body", "must be a JSON object");
        }
        body.fieldNames().forEachRemaining(f -> {
            if (!fields.contains(f)) {
                v.add(f, "is not a field here; use " + String.join(", ", fields.stream().sorted().toList()));
            }
        });
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    static ObjectNode policySchema() {
        return JsonSchemas.object("Whether only plugins signed by a trusted signer install")
                .required("requireSignatures", JsonSchemas.type("boolean")).build();
    }

    static ObjectNode signerSchema() {
        return JsonSchemas.object("A certificate whose holder may sign plugins")
                .required("name", JsonSchemas.text(200).put("minLength", 1))
                .required("certificate", JsonSchemas.type("string").put("pattern",
                        "^\\s*-----BEGIN CERTIFICATE-----[\\s\\S]+-----END CERTIFICATE-----\\s*$")
                        .put("description", "One X.509 certificate in PEM, as keytool -exportcert -rfc writes it"))
                .build();
    }

}
