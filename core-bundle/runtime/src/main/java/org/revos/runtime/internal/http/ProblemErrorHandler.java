package org.revos.runtime.internal.http;

import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.revos.runtime.internal.json.Json;
import org.revos.runtime.internal.rest.ProblemResponses;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Jetty's error handler: renders every error Jetty answers by itself as {@code application/problem+json}, whatever
 * the method (Jetty's own handler writes HTML, and nothing at all for PUT, PATCH or DELETE). Server errors carry an
 * incident id that the log has with the cause.
 */
final class ProblemErrorHandler implements Request.Handler {

    private static final Logger LOG = Logger.getLogger(ProblemErrorHandler.class.getName());

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String reason = (String) request.getAttribute(ErrorHandler.ERROR_MESSAGE);
        Throwable cause = (Throwable) request.getAttribute(ErrorHandler.ERROR_EXCEPTION);
        if (cause instanceof HttpException http) {
            status = http.getCode();
            reason = http.getReason();
            response.setStatus(status);
        }
        if (status < 400) {
            status = HttpStatus.INTERNAL_SERVER_ERROR_500;
            response.setStatus(status);
        }
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (HttpStatus.hasNoBody(status)) {
            callback.succeeded();
            return true;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemResponses.PROBLEM_JSON.toString());
        response.write(true, ByteBuffer.wrap(body(status, reason, cause)), callback);
        return true;
    }

    static byte[] body(int status, String reason, Throwable cause) {
        ObjectNode body;
        boolean defect = status >= 500 && status != HttpStatus.NOT_IMPLEMENTED_501
                && status != HttpStatus.SERVICE_UNAVAILABLE_503;
        if (defect) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Incident " + incident + ": HTTP " + status + " " + reason, cause);
            body = ProblemResponses.incident(incident);
            body.put("status", status);
        } else {
            JettyErrorText text = JettyErrorText.of(status, reason);
            body = ProblemResponses.body(status, text.type(), text.title(), text.detail(), null);
        }
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A problem document always serialises", e);
        }
    }
}
