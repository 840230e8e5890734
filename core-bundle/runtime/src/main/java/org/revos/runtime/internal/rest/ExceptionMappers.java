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
        @Override
        public Response toResponse(Throwable e) {
            Optional<Problem> clientFault = RequestBodyFailures.problem(e);
            if (clientFault.isPresent()) {
                return ProblemResponses.of(clientFault.get());
            }
            return Response.status(500).type(ProblemResponses.PROBLEM_JSON).entity(defect(e)).build();
        }

        /** Logs {@code e} under a new incident id and answers the problem that names that id, and nothing of e. */
        static ObjectNode defect(Throwable e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Incident " + incident, e);
            return ProblemResponses.incident(incident);
        }
    }
}
