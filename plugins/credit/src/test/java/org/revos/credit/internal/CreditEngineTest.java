package org.revos.credit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revos.api.event.RevosEvents;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.runtime.internal.objects.Catalog;
import org.revos.runtime.internal.objects.ObjectEngine;
import org.revos.runtime.internal.persistence.AccountEntity;
import org.revos.runtime.internal.persistence.TestStores;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class CreditEngineTest {

    private static final String T = "ten_credit";

    private TestStores stores;
    private CreditFixture credit;

    @BeforeEach
    void setUp() {
        stores = new TestStores();
        stores.tenant(T);
        credit = new CreditFixture(stores.store);
    }

    @AfterEach
    void tearDown() {
        credit.stop();
    }

    @Test
    void eachRevenueEventUpdatesItsAccountAndTurningGreenHandsItToTheFreestAm() {
        credit.version(T, "2020-01-01", "{\"threshold\": 10000}", true);
        String a = create(Catalog.USER, "{\"name\": \"A\", \"role\": \"AE\", \"segment\": \"SMB\"}");
        String b = create(Catalog.USER, "{\"name\": \"B\", \"role\": \"AE\", \"segment\": \"SMB\"}");
        create(Catalog.USER, "{\"name\": \"Busy AM\", \"role\": \"AM\", \"segment\": \"SMB\", \"capacity\": 1}");
        String freeAm = create(Catalog.USER, "{\"name\": \"Free AM\", \"role\": \"AM\", \"segment\": \"SMB\","
                + " \"capacity\": 5}");
        create(Catalog.USER, "{\"name\": \"Other segment\", \"role\": \"AM\", \"segment\": \"ENT\","
                + " \"capacity\": 100}");
        String account = create(Catalog.ACCOUNT, "{\"name\": \"Acme\", \"segment\": \"SMB\", \"ownerId\": \"" + a
                + "\"}");
        String dealA = create(Catalog.DEAL, "{\"accountId\": \"" + account + "\", \"name\": \"a\", \"ownerId\": \""
                + a + "\"}");
        String dealB = create(Catalog.DEAL, "{\"accountId\": \"" + account + "\", \"name\": \"b\", \"ownerId\": \""
                + b + "\"}");

        revenue(account, null, "2026-01-01T00:00:00Z", "3000");
        revenue(account, dealA, "2026-02-01T00:00:00Z", "2000");
        revenue(account, dealB, "2026-03-01T00:00:00Z", "4000");
        credit.engine.drain(T, true);
        CreditAccountEntity orange = state(account);
        assertEquals("ORANGE", orange.bucket);
        assertEquals(900_000, orange.total);
        assertTrue(orange.nearThreshold);
        assertEquals(Map.of(a, 200_000L, b, 400_000L), sums("ORANGE"));
        assertEquals(a, account(account).ownerId);

        revenue(account, dealA, "2026-04-01T00:00:00Z", "1500");
        credit.engine.drain(T, true);
        assertEquals("GREEN", state(account).bucket);
        assertEquals(Map.of(a, 350_000L, b, 400_000L), sums("GREEN"));
        assertEquals(Map.of(), sums("ORANGE"));
        assertEquals(freeAm, account(account).ownerId, "the AM of the segment with the most free capacity");
        assertEquals(a, state(account).handedOverFrom);
        List<Map<String, Object>> green = stores.events.stream()
                .filter(e -> e.getKey().equals(RevosEvents.ACCOUNT_GREEN)).map(Map.Entry::getValue).toList();
        assertEquals(1, green.size());
        assertEquals(freeAm, green.get(0).get(RevosEvents.NEW_OWNER_ID));
        assertEquals(a, green.get(0).get(RevosEvents.OWNER_ID));

        revenue(account, dealB, "2026-05-01T00:00:00Z", "500");
        credit.engine.drain(T, true);
        assertEquals(Map.of(a, 350_000L, b, 450_000L), sums("GREEN"));
        assertEquals(1, stores.events.stream().filter(e -> e.getKey().equals(RevosEvents.ACCOUNT_GREEN)).count(),
                "an account turns green once");
        assertEquals(0L, pending(), "nothing is left stale");
    }

    @Test
    void anAccountTurnedGreenByImportedRevenueSaysSoAndOneTurnedGreenThroughTheApiDoesNot() {
        credit.version(T, "2020-01-01", "{\"threshold\": 10000}", false);
        String imported = create(Catalog.ACCOUNT, "{\"name\": \"Imported\"}");
        String typed = create(Catalog.ACCOUNT, "{\"name\": \"Typed\"}");
        stores.store.write(T, TestStores.member(T), tx -> {
            tx.origin("import:job_1");
            return ObjectEngine.create(tx, Catalog.REVENUE_EVENT, parse("{\"accountId\": \"" + imported
                    + "\", \"occurredAt\": \"2026-01-01T00:00:00Z\", \"kind\": \"NEW\", \"arrDelta\": 20000}"));
        });
        revenue(typed, null, "2026-01-02T00:00:00Z", "20000");
        credit.engine.drain(T, true);
        Map<Object, Object> originOf = new java.util.HashMap<>();
        stores.events.stream().filter(e -> e.getKey().equals(RevosEvents.ACCOUNT_GREEN)).map(Map.Entry::getValue)
                .forEach(e -> originOf.put(e.get(RevosEvents.OBJECT_ID), e.getOrDefault(RevosEvents.ORIGIN, "none")));
        assertEquals(Map.of(imported, "import:job_1", typed, "none"), originOf);
    }

    @Test
    void aRecomputeAfterARuleChangeReportsTheDifferenceAndASecondOneFindsNone() throws Exception {
        credit.version(T, "2026-01-01", "{\"threshold\": 10000}", false);
        String a = create(Catalog.USER, "{\"name\": \"A\", \"role\": \"AE\"}");
        String account = create(Catalog.ACCOUNT, "{\"name\": \"Acme\", \"ownerId\": \"" + a + "\"}");
        String deal = create(Catalog.DEAL, "{\"accountId\": \"" + account + "\", \"name\": \"a\", \"ownerId\": \""
                + a + "\"}");
        String quiet = create(Catalog.ACCOUNT, "{\"name\": \"No revenue\"}");
        revenue(account, deal, "2026-02-01T00:00:00Z", "7000");
        credit.engine.drain(T, true);
        assertEquals("ORANGE", state(account).bucket);

        credit.version(T, "2026-01-01", "{\"threshold\": 5000}", false);
        CreditFixture.Counting progress = new CreditFixture.Counting();
        JsonNode result = new Recompute(credit.engine, credit.engines, T, credit.setup(T)).run(progress);
        assertEquals(2, progress.total);
        assertEquals(2, progress.done);
        assertEquals(1, result.get("changedAccounts").asInt());
        assertEquals(a, result.get("byRep").get(0).get("ownerId").asText());
        assertEquals("7000.00", result.get("byRep").get(0).get("delta").decimalValue().toPlainString());
        assertEquals("GREEN", state(account).bucket);
        assertNull(state(quiet), "an account without revenue gets no ledger rows");
        assertEquals(a, account(account).ownerId, "a recompute replays history and hands nothing over");

        JsonNode again = new Recompute(credit.engine, credit.engines, T, credit.setup(T)).run(new CreditFixture.Counting());
        assertEquals(0, again.get("changedAccounts").asInt());
        assertTrue(again.get("byRep").isEmpty());
    }

    /**
     * Regression (found by CreditLedgerPropertiesTest): a recompute rewrote an account only when its lines, bucket,
     * total or threshold changed, so an account whose green instant or near-threshold flag changed under a new
     * version (and nothing else) kept the old ones: a wrong {@code greenAt}, a stale near-threshold worklist.
     */
    @Test
    void aRecomputeRewritesTheGreenInstantAndTheNearFlagWhenOnlyTheyChange() throws Exception {
        credit.version(T, "2026-01-15", "{\"threshold\": 5000}", false);
        String account = create(Catalog.ACCOUNT, "{\"name\": \"Self-serve only\"}");
        revenue(account, null, "2026-01-01T00:00:00Z", "6000");
        revenue(account, null, "2026-02-01T00:00:00Z", "6000");
        credit.engine.drain(T, true);
        assertEquals(java.time.Instant.parse("2026-01-01T00:00:00Z").toEpochMilli(), state(account).greenAt,
                "the earliest version also governs the history before its date");

        credit.version(T, "2025-01-01", "{\"threshold\": 10000}", false);
        new Recompute(credit.engine, credit.engines, T, credit.setup(T)).run(new CreditFixture.Counting());
        assertEquals(java.time.Instant.parse("2026-02-01T00:00:00Z").toEpochMilli(), state(account).greenAt,
                "6,000 in January is below the new 10,000; 12,000 in February is above the 5,000 from 15 January");

        String near = create(Catalog.ACCOUNT, "{\"name\": \"Near\"}");
        revenue(near, null, "2026-03-01T00:00:00Z", "3000");
        credit.engine.drain(T, true);
        assertEquals(false, state(near).nearThreshold, "3,000 of 5,000 is not within 80 %");
        credit.version(T, "2026-01-15", "{\"threshold\": 5000, \"nearThresholdShare\": 0.5}", false);
        new Recompute(credit.engine, credit.engines, T, credit.setup(T)).run(new CreditFixture.Counting());
        assertEquals(true, state(near).nearThreshold, "3,000 of 5,000 is within 50 %");
    }

    @Test
    void withoutARuleVersionNothingIsCreditedAndNothingStaysPending() {
        String account = create(Catalog.ACCOUNT, "{\"name\": \"Acme\"}");
        revenue(account, null, "2026-01-01T00:00:00Z", "3000");
        credit.engine.drain(T, true);
        assertNull(state(account));
        assertEquals(0L, pending());
    }

    private String create(ObjectSchema<?> schema, String json) {
        return stores.store.write(T, TestStores.member(T),
                tx -> ObjectEngine.create(tx, schema, parse(json)).get("id").asText());
    }

    private void revenue(String account, String deal, String at, String arr) {
        create(Catalog.REVENUE_EVENT, "{\"accountId\": \"" + account + "\", \"occurredAt\": \"" + at
                + "\", \"kind\": \"EXPANSION\", \"arrDelta\": " + arr
                + (deal == null ? "" : ", \"dealId\": \"" + deal + "\"") + "}");
    }

    private long pending() {
        return stores.store.read(T, em -> em.createQuery("SELECT COUNT(p) FROM CreditPendingEntity p", Long.class)
                .getSingleResult());
    }

    private CreditAccountEntity state(String account) {
        return stores.store.read(T, em -> em.find(CreditAccountEntity.class, account));
    }

    private AccountEntity account(String id) {
        return stores.store.read(T, em -> em.find(AccountEntity.class, id));
    }

    private Map<String, Long> sums(String bucket) {
        Map<String, Long> out = new TreeMap<>();
        stores.store.read(T, em -> em.createQuery("SELECT l FROM CreditLineEntity l WHERE l.bucket = :b",
                CreditLineEntity.class).setParameter("b", bucket).getResultList())
                .forEach(l -> out.merge(l.ownerId, l.amountCents, Long::sum));
        return out;
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) org.revos.runtime.internal.json.Json.MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
