package org.revos.runtime.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;
import org.revos.kernel.spi.Problem;

/**
 * Two transactions that lock the same rows in opposite orders deadlock; the database rolls one back, and the store runs
 * that one again instead of failing the request that started it.
 */
class LockConflictsTest {

    @Test
    void aDeadlockVictimRunsAgainAndBothWritesLand() throws Exception {
        TestStores stores = new TestStores();
        stores.tenant("ten_a");
        stores.tenant("ten_b");
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);
        AtomicInteger runs = new AtomicInteger();
        CompletableFuture<Void> forward = CompletableFuture.runAsync(
                () -> renameBoth(stores, "ten_a", "ten_b", "forward", bothHoldOne, runs));
        CompletableFuture<Void> backward = CompletableFuture.runAsync(
                () -> renameBoth(stores, "ten_b", "ten_a", "backward", bothHoldOne, runs));
        CompletableFuture.allOf(forward, backward).get(60, TimeUnit.SECONDS);

        assertEquals(3, runs.get(), "one of the two ran twice: the first run was the deadlock's victim");
        String a = name(stores, "ten_a");
        String b = name(stores, "ten_b");
        assertEquals(a.substring(0, a.indexOf(':')), b.substring(0, b.indexOf(':')),
                "the transaction that ran last renamed both rows: " + a + ", " + b);
    }

    @Test
    void lockConflictsAreAnsweredBusyInPlainWords() {
        SQLException deadlock = new SQLException("A lock could not be obtained due to a deadlock", "40001");
        SQLException timeout = new SQLException("A lock could not be obtained within the time requested", "40XL1");
        assertTrue(Store.deadlockVictim(new PersistenceException(deadlock)));
        assertFalse(Store.deadlockVictim(new PersistenceException(timeout)));
        assertTrue(Store.busy(new PersistenceException(timeout)));
        assertFalse(Store.busy(new PersistenceException(new SQLException("duplicate", "23505"))));

        TestStores stores = new TestStores();
        AtomicInteger runs = new AtomicInteger();
        Problem busy = org.junit.jupiter.api.Assertions.assertThrows(Problem.class, () -> stores.store.write("ten_a",
                null, tx -> {
                    runs.incrementAndGet();
                    throw new PersistenceException(timeout);
                }));
        assertEquals(503, busy.status());
        assertEquals(1, runs.get(), "a lock wait that timed out already waited; it is not run again");
        assertFalse(busy.getMessage().contains("lock"), busy.getMessage());
    }

    private static void renameBoth(TestStores stores, String first, String second, String label,
            CyclicBarrier bothHoldOne, AtomicInteger runs) {
        stores.store.write(first, null, tx -> {
            int run = runs.incrementAndGet();
            tx.em().find(TenantEntity.class, first).name = label + ":" + run;
            tx.em().flush();
            if (run <= 2) {
                try {
                    bothHoldOne.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            tx.em().find(TenantEntity.class, second).name = label + ":" + run;
            tx.em().flush();
            return null;
        });
    }

    private static String name(TestStores stores, String id) {
        return stores.store.readPlatform(em -> em.find(TenantEntity.class, id).name);
    }
}
