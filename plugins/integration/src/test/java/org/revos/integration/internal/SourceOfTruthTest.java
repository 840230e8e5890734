package org.revos.integration.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revos.kernel.spi.Problem;
import org.revos.runtime.internal.json.TestJson;
import org.revos.runtime.internal.objects.Catalog;
import org.revos.runtime.internal.objects.ObjectEngine;
import org.revos.runtime.internal.objects.WriteGuards;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.TestStores;

/**
 * The one source of truth of synced fields, as the kernel's object engine calls the engine's guard on a real store:
 * an API caller's creation or patch naming a field an inbound sync owns is refused with a 409 naming each such field
 * and the system to change it in, and rolls back; other fields, other object types and the sync itself (no caller)
 * write as usual.
 */
class SourceOfTruthTest {

    private static final String T = "ten_truth";
    private final TestStores stores = new TestStores();
    private final Store store = stores.store;
    private final Object key = new Object();

    SourceOfTruthTest() {
        store.contribute("org.revos.integration", List.of(SyncDefinitionEntity.class, SyncErrorEntity.class),
                e -> {
                    throw e;
                });
        WriteGuards.add(key, 0, 0, new SourceOfTruth());
        store.write(T, null, tx -> {
            SyncDefinitionEntity d = new SyncDefinitionEntity();
            d.id = "syd_erp";
            d.objectType = "ACCOUNT";
            d.source = "ERP";
            d.direction = "ONE_WAY_IN";
            d.intervalMinutes = 60;
            d.location = "erp.csv";
            d.format = "native";
            d.fields = "name,domain";
            d.ownerId = "usr_owner";
            d.maxAttempts = 3;
            d.createdAt = tx.now();
            d.updatedAt = tx.now();
            tx.em().persist(d);
            return null;
        });
    }

    @AfterEach
    void close() {
        WriteGuards.remove(key);
        store.close();
    }

    private long accounts() {
        return store.read(T, em -> em.createQuery("SELECT COUNT(a) FROM AccountEntity a", Long.class)
                .getSingleResult());
    }

    @Test
    void anApiCallerWritingAnOwnedFieldIsRefusedNamingEachFieldAndTheSource() {
        Problem p = assertThrows(Problem.class, () -> store.write(T, TestStores.member(T), tx -> ObjectEngine
                .create(tx, Catalog.ACCOUNT, TestJson.json("{'name': 'Acme', 'domain': 'acme.com', 'country':"
                        + " 'DE'}"))));
        assertEquals(409, p.status());
        assertEquals(List.of("name", "domain"), p.errors().stream().map(e -> e.field()).toList());
        assertTrue(p.errors().get(0).message().contains("ERP") && p.errors().get(0).message().contains("syd_erp"),
                p.errors().toString());
        assertEquals(0, accounts(), "nothing was written");
    }

    @Test
    void theSyncItselfWritesOwnedFieldsAndCallersWriteTheOthers() {
        String id = store.write(T, null, tx -> ObjectEngine.create(tx, Catalog.ACCOUNT, TestJson.json(
                "{'name': 'Acme', 'domain': 'acme.com'}")).get("id").asText());
        store.write(T, TestStores.member(T), tx -> ObjectEngine.patch(tx, Catalog.ACCOUNT, id, TestJson.json(
                "{'country': 'DE'}")));
        Problem p = assertThrows(Problem.class, () -> store.write(T, TestStores.member(T), tx -> ObjectEngine
                .patch(tx, Catalog.ACCOUNT, id, TestJson.json("{'domain': 'acme.de'}"))));
        assertEquals(409, p.status());
        assertEquals("acme.com", store.read(T, em -> em.find(Catalog.ACCOUNT.entityClass(), id)).domain);
    }

    @Test
    void otherObjectTypesAreNotOwned() {
        store.write(T, TestStores.member(T), tx -> ObjectEngine.create(tx, Catalog.USER, TestJson.json(
                "{'name': 'Ann', 'role': 'AE'}")));
    }
}
