package org.revos.integration.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revos.api.model.Tenant;
import org.revos.api.spi.ImportRow;
import org.revos.integration.internal.RowApplier.Outcome;
import org.revos.kernel.spi.Problem;
import org.revos.runtime.internal.json.TestJson;
import org.revos.runtime.internal.kpi.TenantScripts;
import org.revos.runtime.internal.objects.Catalog;
import org.revos.runtime.internal.objects.DealOwners;
import org.revos.runtime.internal.objects.ObjectEngine;
import org.revos.runtime.internal.persistence.AccountEntity;
import org.revos.runtime.internal.persistence.ContactEntity;
import org.revos.runtime.internal.persistence.DealEntity;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.TestStores;
import org.revos.runtime.internal.rest.Collections;
import org.revos.runtime.internal.rest.Idempotency;

/**
 * The import's row writer over a real (in-memory Derby) store: a batch resolved up front, rows that name each other
 * within it, references by id and by external id, and the write pass's promise that a key it did not look up is
 * guarded by the database.
 */
class RowApplierTest {

    private static final String T = "ten_rows";
    private final TestStores stores = new TestStores();
    private final Store store = stores.store;
    /** the kernel's object engine as the engine sees it through the SPI */
    private final Collections objects = new Collections(store, new Idempotency(store));

    @AfterEach
    void close() {
        store.close();
    }

    private static ImportRow row(long line, String... cells) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (int i = 0; i < cells.length; i += 2) {
            fields.put(cells[i], cells[i + 1]);
        }
        return new ImportRow(line, fields);
    }

    private RowApplier<AccountEntity> accounts() {
        return new RowApplier<>(objects, Catalog.ACCOUNT, () -> null);
    }

    private List<Outcome> apply(RowApplier<?> applier, List<ImportRow> rows) {
        return store.write(T, TestStores.member(T), tx -> {
            applier.prepare(tx, rows);
            List<Outcome> outcomes = new ArrayList<>();
            rows.forEach(r -> outcomes.add(applier.apply(tx, r)));
            return outcomes;
        });
    }

    private List<AccountEntity> stored() {
        return store.read(T, em -> em.createQuery("SELECT a FROM AccountEntity a ORDER BY a.id", AccountEntity.class)
                .getResultList());
    }

    @Test
    void aKeyNamedTwiceInOneBatchCreatesOnceThenUpdates() {
        List<Outcome> outcomes = apply(accounts(), List.of(row(2, "externalId", "A-1", "name", "Acme"),
                row(3, "externalId", "A-2", "name", "Globex"), row(4, "externalId", "A-1", "name", "Acme Corp")));
        assertEquals(List.of(Outcome.CREATED, Outcome.CREATED, Outcome.UPDATED), outcomes);
        List<AccountEntity> accounts = stored();
        assertEquals(2, accounts.size());
        assertEquals("Acme Corp", accounts.stream().filter(a -> a.externalId.equals("A-1")).findFirst().orElseThrow()
                .name);
    }

    @Test
    void aLaterBatchUpdatesWhatAnEarlierOneCreatedAndTheSameRowAgainChangesNothing() {
        RowApplier<AccountEntity> applier = accounts();
        apply(applier, List.of(row(2, "externalId", "A-1", "name", "Acme", "country", "US")));
        assertEquals(List.of(Outcome.UPDATED, Outcome.UNCHANGED), apply(applier, List.of(
                row(2, "externalId", "A-1", "name", "Acme", "country", "DE"),
                row(3, "externalId", "A-1", "name", "Acme", "country", "DE"))));
        assertEquals("DE", stored().get(0).country);
    }

    @Test
    void referencesResolveByIdOrExternalIdAndAnUnknownOneIsAProblemNamingIt() {
        apply(accounts(), List.of(row(2, "externalId", "A-1", "name", "Acme")));
        String id = stored().get(0).id;
        RowApplier<ContactEntity> contacts = new RowApplier<>(objects, Catalog.CONTACT, () -> null);
        assertEquals(List.of(Outcome.CREATED, Outcome.CREATED), apply(contacts, List.of(
                row(2, "externalId", "C-1", "name", "Ann", "email", "ann@acme.example", "accountId", "A-1"),
                row(3, "externalId", "C-2", "name", "Bob", "email", "bob@acme.example", "accountId", id))));
        List<String> accountIds = store.read(T, em -> em.createQuery("SELECT c.accountId FROM ContactEntity c",
                String.class).getResultList());
        assertEquals(List.of(id, id), accountIds);

        Problem p = assertThrows(Problem.class, () -> apply(contacts, List.of(row(4, "externalId", "C-3", "name", "Cy", "email",
                "cy@acme.example", "accountId", "A-404"))));
        assertTrue(p.errors().toString().contains("no account with id A-404"), p.errors().toString());
    }

    @Test
    void aRowTakenAsNewWhoseKeyExistsIsRefusedByTheDatabaseAndWrittenWhenLookedUp() {
        RowApplier<AccountEntity> applier = accounts();
        apply(applier, List.of(row(2, "externalId", "A-1", "name", "Acme")));
        ImportRow again = row(2, "externalId", "A-1", "name", "Acme Corp");
        assertThrows(RuntimeException.class, () -> store.write(T, TestStores.member(T), tx -> {
            applier.prepare(tx, List.of(again), r -> false); // the write pass's guess: new
            return applier.apply(tx, again);
        }), "the unique (tenant, external id) index refuses the second A-1");
        assertEquals(1, stored().size());
        assertEquals(List.of(Outcome.UPDATED), apply(applier, List.of(again)));
        assertEquals("Acme Corp", stored().get(0).name);
    }

    @Test
    void aTransactionNotPreparedIsPreparedForItsRow() {
        RowApplier<AccountEntity> applier = accounts();
        apply(applier, List.of(row(2, "externalId", "A-1", "name", "Acme")));
        Outcome outcome = store.write(T, TestStores.member(T), tx -> applier.apply(tx, row(3, "externalId", "A-1",
                "name", "Acme Inc")));
        assertEquals(Outcome.UPDATED, outcome);
        assertEquals(1, stored().size());
    }

    @Test
    void anImportThatCreatesADealOrChangesItsOwnerKeepsTheOwnerInTheDealsHistory() {
        java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong(1_780_000_000_000L);
        TestStores timed = new TestStores(clock::get);
        try {
            Store s = timed.store;
            String ann = s.write(T, TestStores.member(T), tx -> ObjectEngine.create(tx, Catalog.USER,
                    TestJson.json("{'name': 'Ann', 'role': 'AE'}")).get("id").asText());
            String bob = s.write(T, TestStores.member(T), tx -> ObjectEngine.create(tx, Catalog.USER,
                    TestJson.json("{'name': 'Bob', 'role': 'AE'}")).get("id").asText());
            s.write(T, TestStores.member(T), tx -> ObjectEngine.create(tx, Catalog.ACCOUNT,
                    TestJson.json("{'name': 'Acme', 'externalId': 'A-1'}")));
            RowApplier<DealEntity> deals = new RowApplier<>(new Collections(s, new Idempotency(s)), Catalog.DEAL, () -> null);
            long first = clock.addAndGet(60_000);
            List<ImportRow> batch = List.of(
                    row(2, "externalId", "D-1", "name", "One", "accountId", "A-1", "ownerId", ann),
                    row(3, "externalId", "D-2", "name", "Two", "accountId", "A-1", "ownerId", ann),
                    row(4, "externalId", "D-2", "name", "Two", "accountId", "A-1", "ownerId", bob));
            s.write(T, TestStores.member(T), tx -> {
                deals.prepare(tx, batch);
                batch.forEach(r -> deals.apply(tx, r));
                return null;
            });
            long second = clock.addAndGet(60_000);
            List<ImportRow> again = List.of(
                    row(2, "externalId", "D-1", "name", "One", "accountId", "A-1", "ownerId", bob),
                    row(3, "externalId", "D-2", "name", "Two", "accountId", "A-1", "ownerId", bob));
            s.write(T, TestStores.member(T), tx -> {
                deals.prepare(tx, again);
                again.forEach(r -> deals.apply(tx, r));
                return null;
            });
            Map<String, String> ids = new java.util.HashMap<>();
            s.read(T, em -> em.createQuery("SELECT d FROM DealEntity d", DealEntity.class).getResultList())
                    .forEach(d -> ids.put(d.externalId, d.id));
            assertEquals(List.of(ann + "@" + first, bob + "@" + second), history(s, ids.get("D-1")),
                    "created by the first import, changed by the second");
            assertEquals(List.of(bob + "@" + first), history(s, ids.get("D-2")),
                    "named twice in one batch: one owner for the batch's instant; the same owner again adds nothing");
        } finally {
            timed.store.close();
        }
    }

    private static List<String> history(Store s, String deal) {
        return s.read(T, em -> DealOwners.rows(em, deal)).stream().map(r -> r.ownerId + "@" + r.from).toList();
    }
}
