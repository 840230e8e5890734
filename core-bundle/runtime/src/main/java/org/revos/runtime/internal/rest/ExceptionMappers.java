package org.revos.runtime.internal.rest;

import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.revos.kernel.spi.Problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Every error leaves the API as problem JSON; unexpected ones are logged with an incident id the caller sees. */
public final class ExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class.getName());

    private ExceptionMappers() {
    }

    /** Refusals raised by RevOS. */
    @Provider
    public static final class ProblemMapper implements ExceptionMapper<Problem> {
        @Override
        public Response toResponse(Problem problem) {
            return ProblemResponses.of(problem);
        }
    }

    /** JSON that is not well-formed, said in plain words: where, and what is wrong. */
    @Provider
    public static final class MalformedJsonMapper implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            return ProblemResponses.of(MalformedJson.of(e, null));
        }
    }

    /** Jakarta REST's own errors: unknown path, wrong method, unsupported media type. */
    @Provider
    public static final class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (e.getCause() instanceof JsonProcessingException json) {
                return new MalformedJsonMapper().toResponse(json);
            }
            Optional<Problem> clientFault = RequestBodyFailures.problem(e.getCause());
            if (clientFault.isPresent()) {
                return ProblemResponses.of(clientFault.get());
            }
            Response.StatusType type = Response.Status.fromStatusCode(status);
            String title = type == null ? "Error" : type.getReasonPhrase();
            String detail = switch (status) {
                case 404 -> "No such resource";
                case 405 -> "Method not allowed here";
                case 406 -> "This resource answers application/json";
                case 415 -> "This operation does not take that Content-Type; the media types each operation takes"
                        + " are in /api/v1/openapi.json (application/json for most)";
                default -> title;
            };
            Response.ResponseBuilder response = Response.status(status).type(ProblemResponses.PROBLEM_JSON)
                    .entity(ProblemResponses.body(status, title.toLowerCase().replace(' ', '-'), title, detail, null));
            if (e instanceof NotAllowedException) {
                response.allow(e.getResponse().getAllowedMethods());
            }
            return response.build();
        }
    }

    /**
     * A request body the client did not deliver whole is the client's error (400, or 408 after the idle timeout).
     * Anything else is a defect: the caller gets an incident id, in {@code detail} and as the {@code incident}
     * member, and the log gets the same id with the stack trace. Nothing of the exception reaches the caller.
     */
    @Provider
    public static final class UnexpectedMapper implements ExceptionMapper<Throwable> {

        @jakarta.ws.rs.core.Context
        private jakarta.ws.rs.container.ResourceInfo resource;

        @Override
        public Response toResponse(Throwable e) {
            Optional<Problem> clientFault = RequestBodyFailures.problem(e);
            if (clientFault.isPresent()) {
                return ProblemResponses.of(clientFault.get());
            }
            Optional<org.osgi.framework.Bundle> plugin = plugin();
            if (plugin.isPresent()) {
                // The failure is a plugin's (an engine's or a partner's resource): 502 says the runtime is fine and
                // names the plugin, so the caller knows whom to ask and an admin which plugin to look at.
                String incident = UUID.randomUUID().toString();
                String id = plugin.get().getSymbolicName();
                LOG.log(Level.SEVERE, "Incident " + incident + ": plugin " + id + " " + plugin.get().getVersion()
                        + " failed to answer", e);
                ObjectNode body = ProblemResponses.incident(incident).put("type", ProblemResponses.TYPE_BASE
                        + "plugin-failed").put("title", "Plugin failed").put("status", 502)
                        .put("detail", "The plugin " + id + " " + plugin.get().getVersion() + " failed to answer"
                                + " this request; incident " + incident + " is in the runtime's log")
                        .put("plugin", id);
                return Response.status(502).type(ProblemResponses.PROBLEM_JSON).entity(body).build();
            }
            return Response.status(500).type(ProblemResponses.PROBLEM_JSON).entity(defect(e)).build();
        }

        /** @return the bundle of the matched resource when it is not the kernel's own */
        private Optional<org.osgi.framework.Bundle> plugin() {
            try {
                Class<?> type = resource == null ? null : resource.getResourceClass();
                org.osgi.framework.Bundle bundle = type == null ? null : org.osgi.framework.FrameworkUtil
                        .getBundle(type);
                org.osgi.framework.Bundle kernel = org.osgi.framework.FrameworkUtil.getBundle(UnexpectedMapper.class);
                return bundle == null || kernel == null || bundle.equals(kernel) ? Optional.empty()
                        : Optional.of(bundle);
            } catch (RuntimeException notInARequest) {
                return Optional.empty();
            }
        }

        /** Logs {@code e} under a new incident id and answers the problem that names that id, and nothing of e. */
        static ObjectNode defect(Throwable e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Incident " + incident, e);
            return ProblemResponses.incident(incident);
        }
    }
}
