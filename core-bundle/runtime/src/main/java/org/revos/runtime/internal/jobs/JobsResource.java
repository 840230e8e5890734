package org.revos.runtime.internal.jobs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;

import jakarta.ws.rs.GET;
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
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.runtime.internal.json.Json;
import org.revos.runtime.internal.persistence.JobEntity;
import org.revos.runtime.internal.rest.RevosApplication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code GET /api/v1/jobs/{id}}: the state, progress and errors of a tenant's background job. */
@Component(service = JobsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosApplication.SELECT)
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
public final class JobsResource {

    private final Jobs jobs;

    @Activate
    public JobsResource(@Reference Jobs jobs) {
        this.jobs = jobs;
    }

    @GET
    @Path("{id}")
    public JsonNode job(@PathParam("id") String id, @Context SecurityContext security) {
        String tenantId = ((Caller) security.getUserPrincipal()).tenantId();
        JobEntity job = jobs.find(tenantId, id);
        if (job == null) {
            throw Problem.notFound("job", id);
        }
        return render(job);
    }

    /** @return a 202 answer for a job just queued, pointing at its status */
    public static Response accepted(JobEntity job) {
        return Response.status(202).type(MediaType.APPLICATION_JSON).location(URI.create("/api/v1/jobs/" + job.id))
                .entity(render(job)).build();
    }

    /** @return {@code {"id", "kind", "status", "progress", "done", "total", "errors", "errorCount", "result", ...}} */
    public static ObjectNode render(JobEntity job) {
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("id", job.id).put("kind", job.kind)
                .put("status", job.status);
        BigDecimal progress = "SUCCEEDED".equals(job.status) ? BigDecimal.ONE
                : job.total <= 0 ? BigDecimal.ZERO
                        : BigDecimal.valueOf(job.done).divide(BigDecimal.valueOf(job.total), 4, RoundingMode.DOWN);
        out.put("progress", progress.stripTrailingZeros().max(BigDecimal.ZERO).min(BigDecimal.ONE));
        out.put("done", job.done).put("total", job.total);
        out.set("errors", parse(job.errorsJson, JsonNodeFactory.instance.arrayNode()));
        out.put("errorCount", job.errorCount);
        if (job.detail != null) {
            out.put("detail", job.detail);
        }
        out.set("result", parse(job.resultJson, JsonNodeFactory.instance.nullNode()));
        out.put("createdAt", FieldTypes.instantText(job.createdAt));
        out.put("startedAt", job.startedAt == null ? null : FieldTypes.instantText(job.startedAt));
        out.put("finishedAt", job.finishedAt == null ? null : FieldTypes.instantText(job.finishedAt));
        return out;
    }

    private static JsonNode parse(String json, JsonNode fallback) {
        if (json == null) {
            return fallback;
        }
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored job JSON is unreadable", e);
        }
    }
}
