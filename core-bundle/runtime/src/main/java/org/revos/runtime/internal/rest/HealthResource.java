package org.revos.runtime.internal.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.revos.kernel.spi.rest.Access;
import org.revos.kernel.spi.rest.ResponseStatus;
import org.revos.runtime.internal.jobs.Jobs;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.plugins.PluginInstaller;
import org.revos.runtime.internal.security.AdminKeyBootstrap;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/v1/health}: answers without a key. 200 {@code {"status":"UP"}} once the database is open, the
 * platform-admin key is in place, the jobs a stopped runtime left unfinished are marked so and the stored plugins
 * (the shipped ones included) have been installed, so the API works; 503 {@code {"status":"STARTING"}} before that,
 * and 503
 * {@code {"status":"DOWN","detail":...}} when the database could not be opened.
 */
@Component(service = HealthResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosApplication.SELECT)
@Access(Access.Level.PUBLIC)
@Path("health")
public final class HealthResource {

    private final Store store;
    private final AdminKeyBootstrap bootstrap;
    private final Jobs jobs;
    private final PluginInstaller plugins;

    @Activate
    public HealthResource(@Reference Store store, @Reference Idempotency idempotency,
            @Reference AdminKeyBootstrap bootstrap, @Reference Jobs jobs, @Reference PluginInstaller plugins) {
        this.store = store;
        this.bootstrap = bootstrap;
        this.jobs = jobs;
        this.plugins = plugins;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @ResponseStatus(200)
    public Response health() {
        Store.Status db = store.status();
        String state = db.state();
        java.util.Optional<String> detail = db.detail();
        if (db.isUp() && !bootstrap.isDone()) {
            detail = bootstrap.failure();
            state = detail.isPresent() ? "DOWN" : "STARTING";
        } else if (db.isUp() && (!jobs.isRecovered() || !plugins.isRestored())) {
            state = "STARTING";
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("status", state);
        detail.ifPresent(d -> body.put("detail", d));
        return Response.status(state.equals("UP") ? 200 : 503).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
