package org.revos.runtime.internal.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

class SwapHoldTest {

    /** What the fake response was told: status, headers, body. */
    private static final class Answer {
        int status = 200;
        final Map<String, String> headers = new HashMap<>();
        final StringWriter body = new StringWriter();
    }

    @Test
    void everyApiPathButHealthAndAdminIsHeld() {
        assertTrue(SwapHold.isHeld("/api/v1/kpis/win_rate"));
        assertTrue(SwapHold.isHeld("/api/v1/hello"));
        assertTrue(SwapHold.isHeld("/api/v1/deals/d1/transitions"));
        assertTrue(SwapHold.isHeld("/api/v1/administrators"), "only the admin segment itself is exempt");
        assertFalse(SwapHold.isHeld("/api/v1/health"));
        assertFalse(SwapHold.isHeld("/api/v1/admin/plugins"), "the admin API runs the swaps");
        assertFalse(SwapHold.isHeld("/api/v1/admin"));
        assertFalse(SwapHold.isHeld("/favicon.ico"));
        assertFalse(SwapHold.isHeld(null));
    }

    @Test
    void aRequestHeldPastTheBoundIsAnswered503ProblemJsonWithRetryAfterAndNotRun() throws Exception {
        SwapGate gate = new SwapGate(Duration.ofMillis(30));
        gate.close("org.revos.kpi.funnel");
        AtomicInteger ran = new AtomicInteger();
        Answer answer = new Answer();
        new SwapHold(gate).doFilter(request("/api/v1/kpis/win_rate"), response(answer),
                (req, res) -> ran.incrementAndGet());
        assertEquals(0, ran.get(), "the request was not run");
        assertEquals(503, answer.status);
        assertEquals("1", answer.headers.get("Retry-After"));
        assertEquals("application/problem+json", answer.headers.get("Content-Type"));
        String body = answer.body.toString();
        assertTrue(body.contains("\"status\":503") && body.contains("org.revos.kpi.funnel is still being swapped"),
                body);
    }

    @Test
    void exemptPathsAndRequestsThroughAnOpenGateRun() throws Exception {
        SwapGate gate = new SwapGate(Duration.ofMillis(30));
        AtomicInteger ran = new AtomicInteger();
        FilterChain chain = (req, res) -> ran.incrementAndGet();
        SwapHold hold = new SwapHold(gate);
        hold.doFilter(request("/api/v1/accounts"), response(new Answer()), chain);
        gate.close("org.acme");
        hold.doFilter(request("/api/v1/admin/plugins"), response(new Answer()), chain);
        assertEquals(2, ran.get());
        assertTrue(gate.drain(Duration.ZERO), "the request let in has left the gate");
    }

    private static HttpServletRequest request(String uri) {
        return (HttpServletRequest) Proxy.newProxyInstance(SwapHoldTest.class.getClassLoader(),
                new Class<?>[] { HttpServletRequest.class }, (proxy, method, args) -> {
                    if (method.getName().equals("getRequestURI")) {
                        return uri;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static HttpServletResponse response(Answer answer) {
        PrintWriter writer = new PrintWriter(answer.body, true);
        return (HttpServletResponse) Proxy.newProxyInstance(SwapHoldTest.class.getClassLoader(),
                new Class<?>[] { HttpServletResponse.class }, (proxy, method, args) -> {
                    switch (method.getName()) {
                    case "setStatus" -> answer.status = (Integer) args[0];
                    case "setHeader" -> answer.headers.put((String) args[0], (String) args[1]);
                    case "setContentType" -> answer.headers.put("Content-Type", (String) args[0]);
                    case "setCharacterEncoding" -> answer.headers.put("Charset", (String) args[0]);
                    case "getWriter" -> {
                        return writer;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
    }
}
