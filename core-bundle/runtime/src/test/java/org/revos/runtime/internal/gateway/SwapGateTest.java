package org.revos.runtime.internal.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class SwapGateTest {

    @Test
    void anOpenGateLetsRequestsInAtOnce() throws Exception {
        SwapGate gate = new SwapGate(Duration.ofSeconds(5));
        SwapGate.Entry entry = gate.enter();
        assertTrue(entry.admitted());
        gate.leave();
    }

    @Test
    void aRequestWaitsForTheSwapAndGoesOnWhenItEnds() throws Exception {
        SwapGate gate = new SwapGate(Duration.ofSeconds(30));
        SwapGate.Swap swap = gate.close("org.a");
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<SwapGate.Entry> held = CompletableFuture.supplyAsync(() -> {
            started.countDown();
            try {
                return gate.enter();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        started.await();
        assertFalse(held.isDone(), "held while the swap runs");
        gate.open(swap);
        SwapGate.Entry entry = held.get(10, TimeUnit.SECONDS);
        assertTrue(entry.admitted());
        gate.leave();
    }

    @Test
    void pastTheBoundARequestIsTurnedAwayNamingTheSwap() throws Exception {
        SwapGate gate = new SwapGate(Duration.ofMillis(50));
        gate.close("org.revos.kpi.funnel");
        SwapGate.Entry entry = gate.enter();
        assertFalse(entry.admitted());
        assertEquals(List.of("org.revos.kpi.funnel"), entry.swapping());
        assertTrue(entry.waitedMillis() >= 40, "it waited for the bound: " + entry.waitedMillis());
    }

    @Test
    void theGateStaysClosedUntilEverySwapHasEnded() throws Exception {
        SwapGate gate = new SwapGate(Duration.ofMillis(50));
        SwapGate.Swap first = gate.close("org.a");
        gate.close("org.b");
        gate.open(first);
        assertEquals(List.of("org.b"), gate.enter().swapping());
    }

    @Test
    void drainWaitsForTheRequestsInsideToLeave() throws Exception {
        SwapGate gate = new SwapGate(Duration.ofSeconds(5));
        assertTrue(gate.enter().admitted());
        gate.close("org.a");
        assertFalse(gate.drain(Duration.ofMillis(30)), "one request is still inside");
        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> {
            try {
                return gate.drain(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        gate.leave();
        assertTrue(drained.get(10, TimeUnit.SECONDS));
    }
}
