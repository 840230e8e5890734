package org.revos.runtime.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.revos.kernel.spi.Problem;

/**
 * Seals ({@link org.revos.kernel.spi.SnapshotSeals}): a seal holds only while no write of its tenant committed since
 * it was taken, in this run or the next, and writes racing a seal never leave one standing that a committed write
 * should have cleared.
 */
class SealsTest {

    private final TestStores stores = new TestStores();
    private final Store store = stores.store;

    private void write(String tenant, int i) {
        store.write(tenant, TestStores.member(tenant), tx -> {
            tx.em().find(TenantEntity.class, tenant).name = tenant + " " + i;
            tx.publish("org/revos/test/RENAMED", Map.of("n", i));
            return null;
        });
    }

    @Test
    void aWriteWithoutEventsLeavesTheSeal() {
        stores.tenant("ten_a");
        assertTrue(store.seal("ten_a", store.commits("ten_a"), "kept"));
        store.write("ten_a", null, tx -> {
            tx.em().find(TenantEntity.class, "ten_a").name = "bookkeeping"; // an engine's watermark, say
            return null;
        });
        assertEquals(Optional.of("kept"), store.sealOf("ten_a"), "nothing the change feed's listeners see changed");
        write("ten_a", 1);
        assertEquals(Optional.empty(), store.sealOf("ten_a"));
    }

    @Test
    void aSealHoldsUntilTheTenantsNextWriteWhichClearsItDurably() {
        stores.tenant("ten_a");
        stores.tenant("ten_b");
        long n = store.commits("ten_a");
        assertFalse(store.seal("ten_a", n + 1, "too-late"), "a seal at a count the tenant is not at");
        assertEquals(Optional.empty(), store.sealOf("ten_a"));
        assertTrue(store.seal("ten_a", n, "t1"));
        assertEquals(Optional.of("t1"), store.sealOf("ten_a"));
        write("ten_b", 1);
        assertEquals(Optional.of("t1"), store.sealOf("ten_a"), "another tenant's write leaves it");
        assertTrue(store.seal("ten_a", n, "t2"), "sealed again at the same count, under another token");
        assertEquals(Optional.of("t2"), store.sealOf("ten_a"));
        write("ten_a", 1);
        assertEquals(Optional.empty(), store.sealOf("ten_a"), "the write cleared it in its own transaction");
        assertTrue(store.seal("ten_a", n + 1, "t3"));
        write("ten_a", 2);
        assertEquals(Optional.empty(), store.sealOf("ten_a"), "the next seal's first write clears it too");
    }

    @Test
    void aWriteThatRollsBackLeavesTheSeal() {
        stores.tenant("ten_a");
        assertTrue(store.seal("ten_a", store.commits("ten_a"), "kept"));
        try {
            store.write("ten_a", TestStores.member("ten_a"), tx -> {
                tx.em().find(TenantEntity.class, "ten_a").name = "never";
                tx.publish("org/revos/test/RENAMED", Map.of());
                throw Problem.conflict("no", List.of());
            });
        } catch (Problem expected) {
            // rolled back
        }
        assertEquals(Optional.of("kept"), store.sealOf("ten_a"));
    }

    @Test
    void aSealLeftByAnEarlierRunIsClearedByTheFirstWriteOfTheNext() throws Exception {
        Database db = Database.inMemoryDerby("s" + UUID.randomUUID().toString().replace("-", ""));
        Store first = Store.over(db, (topic, props) -> {
        });
        first.write("ten_a", null, tx -> {
            TenantEntity t = new TenantEntity();
            t.id = "ten_a";
            t.name = "a";
            t.currency = "USD";
            t.timeZone = "UTC";
            tx.em().persist(t);
            return null;
        });
        assertTrue(first.seal("ten_a", first.commits("ten_a"), "from-the-first-run"));
        first.write("ten_a", null, tx -> null);
        assertTrue(first.seal("ten_a", first.commits("ten_a"), "from-the-first-run"));

        // the next run: counters start again at 0, and nothing is known about seals
        Store next = Store.over(db, (topic, props) -> {
        });
        assertEquals(0, next.commits("ten_a"));
        assertEquals(Optional.of("from-the-first-run"), next.sealOf("ten_a"), "no write since: the seal holds");
        next.write("ten_a", null, tx -> {
            tx.em().find(TenantEntity.class, "ten_a").name = "changed";
            tx.publish("org/revos/test/RENAMED", Map.of());
            return null;
        });
        assertEquals(Optional.empty(), next.sealOf("ten_a"));
        assertEquals(Optional.empty(), Store.over(db, (topic, props) -> {
        }).sealOf("ten_a"), "and a run after it finds it cleared");
    }

    /**
     * Writers of one tenant race a sealer that seals at the count it just read (sometimes one behind). Whenever a
     * write has committed, a seal taken before it is gone; at the end, a standing seal is one taken at the final count.
     */
    @Test
    void writesRacingSealsNeverLeaveAStaleSealStanding() throws Exception {
        stores.tenant("ten_r");
        for (int r = 0; r < 6; r++) {
            int round = r;
            AtomicBoolean writing = new AtomicBoolean(true);
            ConcurrentHashMap<String, Long> sealedAt = new ConcurrentHashMap<>();
            AtomicInteger violations = new AtomicInteger();
            List<String> seen = new ArrayList<>();
            CompletableFuture<?> sealer = CompletableFuture.runAsync(() -> {
                int i = 0;
                while (writing.get()) {
                    long n = store.commits("ten_r") - (i % 5 == 0 ? 1 : 0);
                    String token = "r" + round + "-" + i++;
                    sealedAt.put(token, n); // noted first: a token that stands is always found here
                    store.seal("ten_r", n, token);
                }
            });
            List<CompletableFuture<?>> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                int writer = w;
                writers.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 25; i++) {
                        long before = store.commits("ten_r");
                        write("ten_r", writer * 1000 + i);
                        // this write is number before + 1 or later, committed and counted: a seal standing now was
                        // taken after it, so at a count that includes it
                        Optional<String> standing = store.sealOf("ten_r");
                        if (standing.isPresent() && sealedAt.get(standing.get()) <= before) {
                            violations.incrementAndGet();
                            synchronized (seen) {
                                seen.add(standing.get() + "@" + sealedAt.get(standing.get()) + " after a write past "
                                        + before);
                            }
                        }
                    }
                }));
            }
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            writing.set(false);
            sealer.get(30, TimeUnit.SECONDS);
            assertEquals(0, violations.get(), () -> "stale seals seen: " + seen);
            Optional<String> last = store.sealOf("ten_r");
            if (last.isPresent()) {
                assertEquals(store.commits("ten_r"), sealedAt.get(last.get()),
                        "a seal standing at the end was taken at the final count");
            }
            // whatever the race left, the next write clears it
            write("ten_r", -round - 1);
            assertEquals(Optional.empty(), store.sealOf("ten_r"));
        }
    }

}
