package org.revos.runtime.internal.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revos.kernel.spi.PluginCallFailed;

class PluginGatewayTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final PluginGateway gateway = new PluginGateway(
            new GatewayPolicy(Duration.ofMillis(200), 2, Duration.ofMillis(50), 3, Duration.ofSeconds(60)), now::get);

    @AfterEach
    void close() {
        gateway.close();
    }

    private void failOnce(String tenant) {
        assertThrows(PluginCallFailed.class, () -> gateway.call("p", tenant, "kpi x", () -> {
            throw new IllegalStateException("broken");
        }));
    }

    @Test
    void answersAndCountsCalls() throws Exception {
        assertEquals(42, gateway.call("p", "t1", "kpi x", () -> 42));
        assertEquals(1, gateway.health("p").orElseThrow().calls());
    }

    @Test
    void aThrowingPluginFailsTheCallWithItsCause() {
        PluginCallFailed e = assertThrows(PluginCallFailed.class, () -> gateway.call("p", "t1", "kpi x", () -> {
            throw new IllegalArgumentException("bad period");
        }));
        assertEquals(PluginCallFailed.Reason.FAILED, e.reason());
        assertTrue(e.getMessage().contains("bad period") && e.getMessage().contains("t1"), e.getMessage());
        assertEquals(1, gateway.health("p").orElseThrow().failures());
    }

    private static PluginGateway.Config config(long timeoutMillis, int maxConcurrent) {
        return new PluginGateway.Config() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return PluginGateway.Config.class;
            }

            @Override
            public long timeoutMillis() {
                return timeoutMillis;
            }

            @Override
            public int maxConcurrent() {
                return maxConcurrent;
            }

            @Override
            public long queueWaitMillis() {
                return 50;
            }

            @Override
            public int quarantineAfter() {
                return 3;
            }

            @Override
            public long quarantineSeconds() {
                return 60;
            }
        };
    }

    @Test
    void aChangedCapAppliesToTheNextCallsWhileRunningCallsKeepTheirPlaces() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try {
                gateway.call("p", "t1", "kpi long", () -> {
                    started.countDown();
                    return release.await(5, TimeUnit.SECONDS);
                });
            } catch (PluginCallFailed e) {
                throw new IllegalStateException(e);
            }
        });
        holder.start();
        assertTrue(started.await(5, TimeUnit.SECONDS));
        gateway.modified(config(200, 1));
        assertEquals(1, gateway.policy().maxConcurrent());
        assertEquals(PluginCallFailed.Reason.SATURATED, assertThrows(PluginCallFailed.class,
                () -> gateway.call("p", "t2", "kpi x", () -> 1)).reason(), "the lowered cap of 1 is taken");
        gateway.modified(config(200, 2));
        assertEquals(2, gateway.call("p", "t2", "kpi x", () -> 2), "the raised cap lets the next call in");
        release.countDown();
        holder.join(5_000);
    }

    @Test
    void aConfigurationOutOfRangeIsRefusedNamingEachValueAndTheLimitsStay() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new PluginGateway(config(0, 0)));
        assertTrue(refused.getMessage().contains("timeoutMillis") && refused.getMessage().contains("maxConcurrent"),
                refused.getMessage());
        GatewayPolicy before = gateway.policy();
        gateway.modified(config(-5, 2));
        assertEquals(before, gateway.policy());
    }

    @Test
    void aTimedOutCallThatStillRunsKeepsItsPlaceUnderTheCapUntilItEnds() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            String tenant = "t" + i;
            PluginCallFailed e = assertThrows(PluginCallFailed.class, () -> gateway.call("p", tenant,
                    "kpi stubborn", () -> {
                        try {
                            while (true) {
                                try {
                                    if (release.await(10, TimeUnit.SECONDS)) {
                                        return 0;
                                    }
                                } catch (InterruptedException ignored) {
                                    // this plugin ignores interrupts, as badly written code does
                                }
                            }
                        } finally {
                            ended.countDown();
                        }
                    }));
            assertEquals(PluginCallFailed.Reason.TIMED_OUT, e.reason());
        }
        PluginCallFailed saturated = assertThrows(PluginCallFailed.class, () -> gateway.call("p", "t9", "kpi x",
                () -> 1));
        assertEquals(PluginCallFailed.Reason.SATURATED, saturated.reason(),
                "the two timed-out calls still run and fill the cap of 2");
        release.countDown();
        assertTrue(ended.await(5, TimeUnit.SECONDS));
        assertEquals(7, gateway.call("p", "t9", "kpi x", () -> 7), "their places are free once they ended");
    }

    @Test
    void aHangingPluginTimesOutAndIsInterrupted() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        PluginCallFailed e = assertThrows(PluginCallFailed.class, () -> gateway.call("p", "t1", "kpi slow", () -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException stop) {
                interrupted.countDown();
            }
            return 0;
        }));
        assertEquals(PluginCallFailed.Reason.TIMED_OUT, e.reason());
        assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the plugin thread was interrupted");
    }

    @Test
    void repeatedFailuresQuarantineThePluginForThatTenantOnly() throws Exception {
        failOnce("t1");
        failOnce("t1");
        failOnce("t1");
        assertTrue(gateway.isQuarantined("p", "t1"));
        PluginCallFailed fenced = assertThrows(PluginCallFailed.class, () -> gateway.call("p", "t1", "kpi x", () -> {
            throw new AssertionError("must not run while quarantined");
        }));
        assertEquals(PluginCallFailed.Reason.QUARANTINED, fenced.reason());
        assertEquals("fine", gateway.call("p", "t2", "kpi x", () -> "fine"), "other tenants are unaffected");
        assertFalse(gateway.isQuarantined("p", "t2"));
    }

    @Test
    void afterTheQuarantineOneSuccessfulTrialRestoresThePlugin() throws Exception {
        failOnce("t1");
        failOnce("t1");
        failOnce("t1");
        now.addAndGet(Duration.ofSeconds(61).toMillis());
        assertEquals(1, gateway.call("p", "t1", "kpi x", () -> 1));
        assertFalse(gateway.isQuarantined("p", "t1"));
    }

    @Test
    void aFailedTrialQuarantinesAgain() {
        failOnce("t1");
        failOnce("t1");
        failOnce("t1");
        now.addAndGet(Duration.ofSeconds(61).toMillis());
        failOnce("t1");
        assertTrue(gateway.isQuarantined("p", "t1"));
    }

    @Test
    void adminsCanReleaseAQuarantine() throws Exception {
        failOnce("t1");
        failOnce("t1");
        failOnce("t1");
        gateway.release("p", "t1");
        assertEquals(1, gateway.call("p", "t1", "kpi x", () -> 1));
    }

    @Test
    void aSaturatedPluginRefusesMoreCallsInsteadOfQueueingForever() throws Exception {
        CountDownLatch running = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        Thread[] busy = new Thread[2];
        for (int i = 0; i < 2; i++) {
            busy[i] = new Thread(() -> {
                try {
                    gateway.call("p", "t1", "kpi x", () -> {
                        running.countDown();
                        release.await(5, TimeUnit.SECONDS);
                        return 0;
                    });
                } catch (PluginCallFailed ignored) {
                    // timing out is fine here
                }
            });
            busy[i].start();
        }
        assertTrue(running.await(5, TimeUnit.SECONDS));
        PluginCallFailed e = assertThrows(PluginCallFailed.class, () -> gateway.call("p", "t1", "kpi x", () -> 1));
        assertEquals(PluginCallFailed.Reason.SATURATED, e.reason());
        release.countDown();
        for (Thread t : busy) {
            t.join(5_000);
        }
        assertEquals(1, gateway.call("p", "t1", "kpi x", () -> 1), "permits come back");
    }
}
