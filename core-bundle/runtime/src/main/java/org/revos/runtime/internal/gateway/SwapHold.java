package org.revos.runtime.internal.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.Preprocessor;
import org.revos.runtime.internal.rest.ProblemResponses;

/**
 * Makes requests wait at the {@link SwapGate} while a plugin or engine swaps. As an HTTP whiteboard preprocessor it
 * sees every request before any servlet is chosen, so a path whose resource is being re-registered waits instead of
 * answering 404. Health and the platform admin API (which runs the swaps) are never held. A request held past the
 * bound is answered 503 problem JSON with {@code Retry-After}.
 */
@Component(service = Preprocessor.class)
public final class SwapHold implements Preprocessor {

    static final String API = "/api/v1/";
    static final String RETRY_AFTER_SECONDS = "1";
    /** Written out: MediaType's own rendering needs the Jakarta REST runtime, which a servlet filter does not. */
    static final String PROBLEM_JSON = "application/problem+json";

    private final SwapGate gate;

    @Activate
    public SwapHold(@Reference SwapGate gate) {
        this.gate = gate;
    }

    /** @return whether a request for {@code path} waits for swaps: every API path but health and admin */
    static boolean isHeld(String path) {
        if (path == null || !path.startsWith(API)) {
            return false;
        }
        String rest = path.substring(API.length());
        return !(rest.equals("health") || rest.equals("admin") || rest.startsWith("admin/"));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !isHeld(http.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        SwapGate.Entry entry;
        try {
            entry = gate.enter();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable((HttpServletResponse) response, "The runtime is stopping");
            return;
        }
        if (!entry.admitted()) {
            unavailable((HttpServletResponse) response, String.join(", ", entry.swapping()) + " is still being"
                    + " swapped after " + gate.bound().toMillis() + " ms; the request was not run, send it again");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            gate.leave();
        }
    }

    private static void unavailable(HttpServletResponse response, String detail) throws IOException {
        response.setStatus(503);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setContentType(PROBLEM_JSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(ProblemResponses.body(503, "swap-in-progress", "Service Unavailable", detail, null)
                .toString());
    }
}
