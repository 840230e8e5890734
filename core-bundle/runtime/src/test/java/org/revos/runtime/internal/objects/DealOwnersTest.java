package org.revos.runtime.internal.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.revos.runtime.internal.json.TestJson.json;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.runtime.internal.persistence.DealEntity;
import org.revos.runtime.internal.persistence.DealOwnerEntity;
import org.revos.runtime.internal.persistence.RevenueEventEntity;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.TestStores;

/**
 * A deal's ownership history: written by every creation and change of owner, read as "the owner at an instant" for
 * the revenue events that credit the deal's owner at their {@code occurredAt}.
 */
class DealOwnersTest {

    private static final String T = "ten_owners";
    private static final long HOUR = 3_600_000L;
    private static final long T0 = Instant.parse("2026-03-01T09:00:00Z").toEpochMilli();

    private final AtomicLong clock = new AtomicLong(T0);
    private final TestStores stores = new TestStores(clock::get);
    private final Store store = stores.store;
    private String ann;
    private String bob;
    private String account;

    @BeforeEach
    void setUp() {
        stores.tenant(T);
        ann = create(Catalog.USER, "{'name': 'Ann', 'role': 'AE'}");
        bob = create(Catalog.USER, "{'name': 'Bob', 'role': 'AE'}");
        account = create(Catalog.ACCOUNT, "{'name': 'Acme'}");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void creationAndEveryChangeOfOwnerAreKeptAndOtherChangesAreNot() {
        String deal = create(Catalog.DEAL, "{'accountId': '" + account + "', 'name': 'd', 'ownerId': '" + ann + "'}");
        long created = clock.get();
        clock.addAndGet(HOUR);
        patch(deal, "{'ownerId': '" + bob + "'}");
        long toBob = clock.get();
        clock.addAndGet(HOUR);
        patch(deal, "{'name': 'renamed', 'arr': 100}");
        patch(deal, "{'ownerId': '" + bob + "'}"); // the same owner again
        clock.addAndGet(HOUR);
        patch(deal, "{'ownerId': null}");
        long toNobody = clock.get();

        assertEquals(List.of(ann + "@" + created, bob + "@" + toBob, "null@" + toNobody), rows(deal));
        assertEquals(ann, ownerAt(deal, created - 30 * 24 * HOUR), "before its creation: the owner at creation");
        assertEquals(ann, ownerAt(deal, created));
        assertEquals(ann, ownerAt(deal, toBob - 1));
        assertEquals(bob, ownerAt(deal, toBob), "an owner holds the deal from the instant of the change on");
        assertEquals(bob, ownerAt(deal, toNobody - 1));
        assertNull(ownerAt(deal, toNobody));
        assertNull(ownerAt(deal, toNobody + 365 * 24 * HOUR));
    }

    @Test
    void revenueGoesToTheOwnerAtItsOccurrenceBackDatedOrNot() {
        String deal = create(Catalog.DEAL, "{'accountId': '" + account + "', 'name': 'd', 'ownerId': '" + ann + "'}");
        clock.addAndGet(10 * HOUR);
        patch(deal, "{'ownerId': '" + bob + "'}");
        clock.addAndGet(HOUR);
        assertEquals(ann, revenue(deal, clock.get() - 5 * HOUR).dealOwnerId, "back-dated before the change");
        assertEquals(ann, revenue(deal, T0 - 400 * 24 * HOUR).dealOwnerId, "dated before the deal existed");
        assertEquals(bob, revenue(deal, clock.get()).dealOwnerId, "dated now");
        assertEquals(bob, revenue(deal, clock.get() - HOUR).dealOwnerId, "back-dated after the change");
    }

    @Test
    void futureDatedRevenueGoesToWhoeverOwnsTheDealWhenItOccurs() {
        String deal = create(Catalog.DEAL, "{'accountId': '" + account + "', 'name': 'd', 'ownerId': '" + ann + "'}");
        clock.addAndGet(HOUR);
        String future = revenue(deal, clock.get() + 30 * 24 * HOUR).id;
        String past = revenue(deal, clock.get() - HOUR / 2).id;
        assertEquals(ann, event(future).dealOwnerId);
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        Object key = new Object();
        WriteHooks.add(key, 0, 0, (tx, w) -> {
            if (w.type() == org.revos.api.model.ObjectType.REVENUE_EVENT) {
                heard.add(w.id() + ":" + w.before().path("dealOwnerId").asText() + "->"
                        + w.after().path("dealOwnerId").asText() + "@" + w.after().path("accountId").asText());
            }
        });
        clock.addAndGet(HOUR);
        try {
            patch(deal, "{'ownerId': '" + bob + "'}");
        } finally {
            WriteHooks.remove(key);
        }
        assertEquals(bob, event(future).dealOwnerId, "it occurs after the change");
        assertEquals(ann, event(past).dealOwnerId, "it occurred before the change");
        assertEquals(List.of(future + ":" + ann + "->" + bob + "@" + account), heard,
                "the write hooks hear of the re-assigned event in the change's transaction (credit marks it stale)");
    }

    @Test
    void aDealWithoutHistoryIsOwnedByItsOwnerSinceCreationUntilItsFirstChange() {
        String deal = create(Catalog.DEAL, "{'accountId': '" + account + "', 'name': 'd', 'ownerId': '" + ann + "'}");
        long created = clock.get();
        // as a data folder of a runtime that kept no ownership history has it
        store.write(T, null, tx -> tx.em().createQuery("DELETE FROM DealOwnerEntity o").executeUpdate());
        clock.addAndGet(5 * HOUR);
        assertEquals(ann, revenue(deal, created - HOUR).dealOwnerId);
        assertEquals(ann, revenue(deal, created + HOUR).dealOwnerId);
        patch(deal, "{'ownerId': '" + bob + "'}");
        long toBob = clock.get();
        assertEquals(List.of(ann + "@" + created, bob + "@" + toBob), rows(deal),
                "the first change writes the owner it had since its creation, then the new one");
        clock.addAndGet(HOUR);
        assertEquals(ann, revenue(deal, toBob - HOUR).dealOwnerId);
        assertEquals(bob, revenue(deal, toBob).dealOwnerId);
    }

    @Test
    void aTransactionThatWritesADealTwiceKeepsOneOwnerForItsInstant() {
        String deal = store.write(T, TestStores.member(T), tx -> {
            String id = ObjectEngine.create(tx, Catalog.DEAL, json("{'accountId': '" + account
                    + "', 'name': 'd', 'ownerId': '" + ann + "'}")).get("id").asText();
            ObjectEngine.patch(tx, Catalog.DEAL, id, json("{'ownerId': '" + bob + "'}"));
            return id;
        });
        assertEquals(List.of(bob + "@" + clock.get()), rows(deal));
    }

    @Test
    void anImportsBatchThatReadsNothingBackBeforeItsCommitStillSeesTheRowsItWrote() {
        String deal = create(Catalog.DEAL, "{'accountId': '" + account + "', 'name': 'd', 'ownerId': '" + ann + "'}");
        long created = clock.get();
        store.write(T, null, tx -> tx.em().createQuery("DELETE FROM DealOwnerEntity o").executeUpdate());
        String cy = create(Catalog.USER, "{'name': 'Cy', 'role': 'AE'}");
        clock.addAndGet(5 * HOUR);
        long now = clock.get();
        String backDated = store.write(T, TestStores.member(T), tx -> {
            tx.em().setFlushMode(jakarta.persistence.FlushModeType.COMMIT); // as RowApplier prepares a batch
            ObjectEngine.patch(tx, Catalog.DEAL, deal, json("{'ownerId': '" + bob + "'}"));
            ObjectEngine.patch(tx, Catalog.DEAL, deal, json("{'ownerId': '" + cy + "'}"));
            return ObjectEngine.create(tx, Catalog.REVENUE_EVENT, json("{'accountId': '" + account
                    + "', 'kind': 'EXPANSION', 'arrDelta': 10, 'occurredAt': '" + Instant.ofEpochMilli(now - HOUR)
                    + "', 'dealId': '" + deal + "'}")).get("id").asText();
        });
        assertEquals(List.of(ann + "@" + created, cy + "@" + now), rows(deal),
                "the owner since creation is written once, and one owner for the batch's instant");
        assertEquals(ann, event(backDated).dealOwnerId);
    }

    @Test
    void deletingADealForgetsItsHistory() {
        String deal = create(Catalog.DEAL, "{'accountId': '" + account + "', 'name': 'd', 'ownerId': '" + ann + "'}");
        clock.addAndGet(HOUR);
        patch(deal, "{'ownerId': '" + bob + "'}");
        store.write(T, TestStores.member(T), tx -> {
            ObjectEngine.delete(tx, Catalog.DEAL, deal);
            return null;
        });
        assertEquals(List.of(), rows(deal));
    }

    private String create(ObjectSchema<?> schema, String body) {
        return store.write(T, TestStores.member(T), tx -> ObjectEngine.create(tx, schema, json(body)).get("id")
                .asText());
    }

    private void patch(String deal, String body) {
        store.write(T, TestStores.member(T), tx -> ObjectEngine.patch(tx, Catalog.DEAL, deal, json(body)));
    }

    private RevenueEventEntity revenue(String deal, long occurredAt) {
        String id = create(Catalog.REVENUE_EVENT, "{'accountId': '" + account + "', 'kind': 'EXPANSION',"
                + " 'arrDelta': 10, 'occurredAt': '" + Instant.ofEpochMilli(occurredAt) + "', 'dealId': '" + deal
                + "'}");
        return event(id);
    }

    private RevenueEventEntity event(String id) {
        return store.read(T, em -> em.find(RevenueEventEntity.class, id));
    }

    private String ownerAt(String deal, long at) {
        return store.write(T, null, tx -> DealOwners.at(tx, tx.em().find(DealEntity.class, deal), at));
    }

    private List<String> rows(String deal) {
        return store.read(T, em -> DealOwners.rows(em, deal)).stream().map((DealOwnerEntity r) -> r.ownerId + "@"
                + r.from).toList();
    }
}
