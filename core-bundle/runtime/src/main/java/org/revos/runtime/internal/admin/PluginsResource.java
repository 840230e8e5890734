package org.revos.runtime.internal.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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
import org.revos.kernel.spi.rest.Access;
import org.revos.kernel.spi.rest.Described;
import org.revos.kernel.spi.rest.JsonSchemas;
import org.revos.kernel.spi.rest.SchemaFrom;
import org.revos.runtime.internal.gateway.PluginGateway;
import org.revos.runtime.internal.plugins.Change;
import org.revos.runtime.internal.plugins.PluginInstaller;
import org.revos.runtime.internal.plugins.PluginView;
import org.revos.runtime.internal.rest.RevosApplication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/admin/plugins}: the installed plugins and engines, the shipped ones included. A jar POSTed as
 * {@code application/java-archive} installs a new plugin (201) or updates the running one (200; an older version
 * only with {@code allowDowngrade=true}); DELETE removes and says what it did (204: uninstalled; 200 with a body:
 * only a failed entry was forgotten); {@code POST {id}/restore} brings back
 * the version the distribution ships. Every operation is transactional: a refused jar leaves nothing installed and
 * the running version keeps serving.
 */
@Component(service = PluginsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosApplication.SELECT)
@Access(Access.Level.PLATFORM)
@Path("admin/plugins")
@Produces(MediaType.APPLICATION_JSON)
public final class PluginsResource {

    /** The largest plugin jar accepted. */
    static final int MAX_BYTES = 50 * 1024 * 1024;
    static final List<String> JAR_TYPES = List.of("application/java-archive", "application/x-java-archive",
            "application/octet-stream");

    private final PluginInstaller installer;
    private final PluginGateway gateway;

    @Activate
    public PluginsResource(@Reference PluginInstaller installer, @Reference PluginGateway gateway) {
        this.installer = installer;
        this.gateway = gateway;
    }

    @GET
    public JsonNode list() {
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        var items = page.putArray("items");
        installer.list().forEach(p -> items.add(p.withCalls(gateway.health(p.id())).toJson()));
        page.putNull("next");
        return page;
    }

    @GET
    @Path("{id}")
    public JsonNode get(@PathParam("id") String id) {
        return installer.find(id).orElseThrow(() -> Problem.notFound("plugin", id)).withCalls(gateway.health(id))
                .toJson();
    }

    @POST
    @Consumes({ "application/java-archive", "application/x-java-archive", "application/octet-stream" })
    public Response install(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
            @QueryParam("allowDowngrade") @SchemaFrom("flagSchema") @Described("true: install the jar even if its"
                    + " version is older than the installed one") String allowDowngrade, @Context SecurityContext security) {
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase();
        if (!JAR_TYPES.contains(type)) {
            throw new Problem(415, "unsupported-media-type", "Unsupported Media Type", "Send the plugin's jar as the"
                    + " request body with Content-Type: application/java-archive", List.of());
        }
        if (contentLength != null && parseLength(contentLength) > MAX_BYTES) {
            throw tooLarge();
        }
        boolean downgrade = flag("allowDowngrade", allowDowngrade);
        byte[] jar = read(body);
        return answer(installer.install(jar, PluginInstaller.UPLOAD, (Caller) security.getUserPrincipal(),
                downgrade));
    }

    @POST
    @Path("{id}/restore")
    public Response restore(@PathParam("id") String id, @Context SecurityContext security) {
        return answer(installer.restore(id, (Caller) security.getUserPrincipal()));
    }

    /**
     * 204 when the running plugin was uninstalled; 200 with {@code {"id", "version", "action":
     * "REMOVED_FAILED_ENTRY"}} when nothing ran and only the listed failure was forgotten.
     */
    @DELETE
    @Path("{id}")
    public Response uninstall(@PathParam("id") String id, @Context SecurityContext security) {
        PluginInstaller.Removal removal = installer.uninstall(id, (Caller) security.getUserPrincipal());
        if (removal.action() == PluginInstaller.Removed.UNINSTALLED) {
            return Response.noContent().build();
        }
        return Response.ok(JsonNodeFactory.instance.objectNode().put("id", removal.id())
                .put("version", removal.version()).put("action", removal.action().name()),
                MediaType.APPLICATION_JSON).build();
    }

    /** @return 201 with a Location for a new plugin, 200 otherwise; the body is the plugin and what changed */
    private static Response answer(PluginInstaller.Outcome outcome) {
        PluginView plugin = outcome.plugin();
        Response.ResponseBuilder response = outcome.change() == Change.INSTALLED
                ? Response.status(201).location(URI.create("/api/v1/admin/plugins/" + plugin.id()))
                : Response.ok();
        return response.type(MediaType.APPLICATION_JSON).entity(plugin.toJson().put("change",
                outcome.change().name())).build();
    }

    /** @return what {@link #flag} reads: true, false, or empty for true, in any case */
    static ObjectNode flagSchema() {
        return JsonSchemas.type("string").put("pattern", "^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])?$");
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.isEmpty() || value.equalsIgnoreCase("true")) {
            return true;
        }
        throw Problem.invalid(name, "must be true or false, not '" + value + "'");
    }

    private static byte[] read(InputStream body) {
        try (InputStream in = body; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (out.size() + n > MAX_BYTES) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
            if (out.size() == 0) {
                throw Problem.invalid("body", "is empty; send the plugin's jar");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw Problem.invalid("body", "could not be read completely: " + e.getMessage());
        }
    }

    private static long parseLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Problem tooLarge() {
        return new Problem(413, "payload-too-large", "Payload Too Large", "A plugin jar may have at most "
                + MAX_BYTES / (1024 * 1024) + " MB", List.of());
    }
}
