package org.revos.runtime.internal.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.revos.runtime.internal.json.TestJson.json;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revos.api.event.RevosEvents;
import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.TestStores;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class ObjectEngineTest {

    private static final String T = "ten_engine";
    private final TestStores stores = new TestStores();
    private final Store store = stores.store;

    @AfterEach
    void close() {
        store.close();
    }


    private ObjectNode create(ObjectSchema<?> schema, String body) {
        return store.write(T, TestStores.member(T), tx -> ObjectEngine.create(tx, schema, json(body)));
    }

    private Problem refused(ObjectSchema<?> schema, String body) {
        return assertThrows(Problem.class, () -> create(schema, body));
    }

    private static Set<String> fields(Problem p) {
        return p.errors().stream().map(FieldError::field).collect(Collectors.toSet());
    }

    @Test
    void everyInvalidFieldIsListedAtOnce() {
        Problem p = refused(Catalog.DEAL, "{'name': '', 'arr': 12.345, 'type': 'BIG', 'closeDate': '2026-13-01',"
                + " 'seats': 1.5, 'stage': 'WON', 'color': 'red', 'accountId': 'acc_missing'}");
        assertEquals(400, p.status());
        assertEquals(Set.of("name", "arr", "type", "closeDate", "seats", "color", "accountId"), fields(p),
                "the stage is placed by an engine (an ObjectShaper), not written by the object engine");
    }

    @Test
    void missingRequiredFieldsAreListed() {
        Problem p = refused(Catalog.REVENUE_EVENT, "{}");
        assertEquals(Set.of("accountId", "occurredAt", "kind", "arrDelta"), fields(p));
    }

    @Test
    void moneyIsMajorUnitsWithAtMostTwoDecimals() {
        String account = create(Catalog.ACCOUNT, "{'name': 'Globex'}").get("id").asText();
        ObjectNode deal = create(Catalog.DEAL, "{'accountId': '" + account + "', 'name': 'D', 'arr': 12500.5}");
        assertEquals("12500.50", deal.get("arr").decimalValue().toPlainString());
        assertEquals("arr", refused(Catalog.DEAL, "{'accountId': '" + account + "', 'name': 'D', 'arr': 1.001}")
                .errors().get(0).field());
        assertEquals("arr", refused(Catalog.DEAL, "{'accountId': '" + account + "', 'name': 'D', 'arr': '100'}")
                .errors().get(0).field());
    }

    @Test
    void patchIsAMergePatchThatKeepsWhatItDoesNotName() {
        ObjectNode account = create(Catalog.ACCOUNT, "{'name': 'Globex', 'industry': 'Steel', 'properties':"
                + " {'tier': 'gold', 'region': 'north'}}");
        String id = account.get("id").asText();
        ObjectNode patched = store.write(T, TestStores.member(T), tx -> ObjectEngine.patch(tx, Catalog.ACCOUNT, id,
                json("{'industry': null, 'properties': {'region': null, 'size': 3}}")));
        assertEquals("Globex", patched.get("name").asText());
        assertTrue(patched.get("industry").isNull());
        assertEquals(json("{'tier': 'gold', 'size': 3}"), patched.get("properties"));
    }

    @Test
    void aPatchOfTheSameValuesIsNoWriteNoAuditEntryAndNoEvent() throws InterruptedException {
        ObjectNode account = create(Catalog.ACCOUNT, "{'name': 'Globex', 'industry': 'Steel'}");
        String id = account.get("id").asText();
        stores.events.clear();
        Thread.sleep(5); // a later transaction instant, so a rewrite would show in updatedAt
        ObjectNode same = store.write(T, TestStores.member(T), tx -> ObjectEngine.patch(tx, Catalog.ACCOUNT, id,
                json("{'name': 'Globex', 'industry': 'Steel'}")));
        assertEquals(account, same, "updatedAt kept");
        assertEquals(account, store.read(T, em -> ObjectEngine.render(Catalog.ACCOUNT, ObjectEngine.find(em,
                Catalog.ACCOUNT, id))));
        long updates = store.read(T, em -> em.createQuery("SELECT COUNT(a) FROM AuditEntryEntity a WHERE a.objectId"
                + " = :id AND a.action = 'UPDATE'", Long.class).setParameter("id", id).getSingleResult());
        assertEquals(0, updates);
        assertTrue(stores.events.stream().noneMatch(e -> e.getKey().equals(RevosEvents.OBJECT_UPDATED)),
                stores.events.toString());

        String goal = create(Catalog.GOAL, "{'kpi': 'won_revenue', 'period': '2026-Q3', 'target': 100000}").get("id")
                .asText();
        store.write(T, TestStores.member(T), tx -> ObjectEngine.patch(tx, Catalog.GOAL, goal, json("{'target':"
                + " 100000}")));
        long revisions = store.read(T, em -> em.createQuery("SELECT COUNT(r) FROM GoalRevisionEntity r WHERE"
                + " r.goalId = :g", Long.class).setParameter("g", goal).getSingleResult());
        assertEquals(1, revisions, "no rule reacts to a write that changed nothing: the goal's one revision is its"
                + " creation");

        Thread.sleep(5);
        ObjectNode renamed = store.write(T, TestStores.member(T), tx -> ObjectEngine.patch(tx, Catalog.ACCOUNT, id,
                json("{'name': 'Globex Corp'}")));
        assertTrue(renamed.get("updatedAt").asText().compareTo(account.get("updatedAt").asText()) > 0,
                renamed.toString());
        assertTrue(stores.events.stream().anyMatch(e -> e.getKey().equals(RevosEvents.OBJECT_UPDATED)));
    }

    @Test
    void aRefusedPatchChangesNothing() {
        String id = create(Catalog.ACCOUNT, "{'name': 'Globex'}").get("id").asText();
        assertThrows(Problem.class, () -> store.write(T, TestStores.member(T),
                tx -> ObjectEngine.patch(tx, Catalog.ACCOUNT, id, json("{'name': 'Renamed', 'country': 'ZZ'}"))));
        assertEquals("Globex", store.read(T, em -> ObjectEngine.render(Catalog.ACCOUNT,
                ObjectEngine.find(em, Catalog.ACCOUNT, id))).get("name").asText());
    }

    @Test
    void readOnlyAndAssignedFieldsCannotBeWritten() {
        Problem p = refused(Catalog.ACCOUNT, "{'name': 'X', 'arr': 5, 'id': 'acc_mine', 'createdAt': 'now'}");
        assertEquals(Set.of("arr", "id", "createdAt"), fields(p));
    }

    @Test
    void externalIdsAreUniquePerTenantAndType() {
        create(Catalog.ACCOUNT, "{'name': 'A', 'externalId': 'crm-1'}");
        Problem p = refused(Catalog.ACCOUNT, "{'name': 'B', 'externalId': 'crm-1'}");
        assertEquals(409, p.status());
        create(Catalog.CONTACT, "{'name': 'C', 'externalId': 'crm-1'}");
        String other = "ten_other";
        store.write(other, TestStores.member(other), tx -> ObjectEngine.create(tx, Catalog.ACCOUNT,
                json("{'name': 'B', 'externalId': 'crm-1'}")));
    }

    @Test
    void revenueEventsMoveAccountArrAndRefuseGoingBelowZero() {
        String account = create(Catalog.ACCOUNT, "{'name': 'Globex'}").get("id").asText();
        create(Catalog.REVENUE_EVENT, "{'accountId': '" + account + "', 'occurredAt': '2026-01-01T00:00:00Z',"
                + " 'kind': 'NEW', 'arrDelta': 3000, 'seatsDelta': 5}");
        create(Catalog.REVENUE_EVENT, "{'accountId': '" + account + "', 'occurredAt': '2026-02-01T00:00:00+02:00',"
                + " 'kind': 'CONTRACTION', 'arrDelta': -500.25}");
        ObjectNode stored = store.read(T, em -> ObjectEngine.render(Catalog.ACCOUNT,
                ObjectEngine.find(em, Catalog.ACCOUNT, account)));
        assertEquals("2499.75", stored.get("arr").decimalValue().toPlainString());
        assertEquals(5, stored.get("seats").asInt());
        Problem p = refused(Catalog.REVENUE_EVENT, "{'accountId': '" + account + "', 'occurredAt':"
                + " '2026-03-01T00:00:00Z', 'kind': 'CHURN', 'arrDelta': -2500}");
        assertEquals(List.of("arrDelta"), p.errors().stream().map(FieldError::field).toList());
        assertTrue(stores.events.stream().anyMatch(e -> e.getKey().equals(RevosEvents.REVENUE_RECORDED)));
    }

    @Test
    void revenueKindsDecideTheSignOfTheDelta() {
        String account = create(Catalog.ACCOUNT, "{'name': 'Globex'}").get("id").asText();
        for (String bad : new String[] { "'NEW', 'arrDelta': -1", "'EXPANSION', 'arrDelta': 0",
                "'CHURN', 'arrDelta': 10", "'CONTRACTION', 'arrDelta': 0" }) {
            Problem p = refused(Catalog.REVENUE_EVENT, "{'accountId': '" + account + "', 'occurredAt':"
                    + " '2026-01-01T00:00:00Z', 'kind': " + bad + "}");
            assertTrue(fields(p).contains("arrDelta"), bad);
        }
    }

    @Test
    void goalPacingMatchesThePeriodAndSumsToOne() {
        create(Catalog.GOAL, "{'kpi': 'won_revenue', 'period': '2026-Q3', 'target': 100000, 'pacing': [0.25, 0.25, 0.5]}");
        assertEquals(Set.of("pacing"), fields(refused(Catalog.GOAL,
                "{'kpi': 'won_revenue', 'period': '2026-Q3', 'target': 1, 'pacing': [0.5, 0.5]}")));
        assertEquals(Set.of("pacing"), fields(refused(Catalog.GOAL,
                "{'kpi': 'won_revenue', 'period': '2026', 'target': 1, 'pacing': [0.25, 0.25, 0.25, 0.2]}")));
        assertEquals(Set.of("period", "scope.userId"), fields(refused(Catalog.GOAL,
                "{'kpi': 'won_revenue', 'period': '2026-Q5', 'target': 1, 'scope': {'userId': 'usr_x'}}")));
    }

    @Test
    void objectsInUseCannotBeDeleted() {
        String account = create(Catalog.ACCOUNT, "{'name': 'Globex'}").get("id").asText();
        create(Catalog.DEAL, "{'accountId': '" + account + "', 'name': 'D'}");
        Problem p = assertThrows(Problem.class, () -> store.write(T, TestStores.member(T), tx -> {
            ObjectEngine.delete(tx, Catalog.ACCOUNT, account);
            return null;
        }));
        assertEquals(409, p.status());
        assertTrue(p.errors().get(0).message().contains("deals"), p.errors().toString());
    }

    @Test
    void listsPageInCreationOrderWithFilters() {
        for (int i = 0; i < 7; i++) {
            create(Catalog.ACCOUNT, "{'name': 'A" + i + "', 'segment': '" + (i % 2 == 0 ? "SMB" : "ENT") + "'}");
        }
        ObjectNode first = store.read(T, em -> ObjectEngine.list(em, Catalog.ACCOUNT,
                Map.of("limit", List.of("3"), "segment", List.of("SMB"))));
        assertEquals(List.of("A0", "A2", "A4"), names(first));
        String next = first.get("next").asText();
        ObjectNode second = store.read(T, em -> ObjectEngine.list(em, Catalog.ACCOUNT,
                Map.of("limit", List.of("3"), "segment", List.of("SMB"), "cursor", List.of(next))));
        assertEquals(List.of("A6"), names(second));
        assertTrue(second.get("next").isNull());
    }

    @Test
    void badPagingAndFiltersAreRefusedNotGuessed() {
        Problem p = assertThrows(Problem.class, () -> store.read(T, em -> ObjectEngine.list(em, Catalog.ACCOUNT,
                Map.of("limit", List.of("501"), "cursor", List.of("bogus!"), "color", List.of("red")))));
        assertEquals(Set.of("limit", "cursor", "color"), fields(p));
    }

    @Test
    void anotherTenantsIdsAreUnknown() {
        String account = create(Catalog.ACCOUNT, "{'name': 'Mine'}").get("id").asText();
        Problem p = assertThrows(Problem.class, () -> store.read("ten_stranger",
                em -> ObjectEngine.find(em, Catalog.ACCOUNT, account)));
        assertEquals(404, p.status());
        Problem ref = assertThrows(Problem.class, () -> store.write("ten_stranger", TestStores.member("ten_stranger"),
                tx -> ObjectEngine.create(tx, Catalog.DEAL, json("{'accountId': '" + account + "', 'name': 'D'}"))));
        assertEquals(Set.of("accountId"), fields(ref));
    }

    @Test
    void writesAreAudited() {
        ObjectNode created = create(Catalog.ACCOUNT, "{'name': 'Globex'}");
        long entries = store.read(T, em -> em.createQuery("SELECT COUNT(a) FROM AuditEntryEntity a WHERE a.objectId = :id"
                + " AND a.action = 'CREATE'", Long.class).setParameter("id", created.get("id").asText()).getSingleResult());
        assertEquals(1, entries);
        assertFalse(created.get("createdAt").isNull());
        assertNull(created.get("externalId").textValue());
    }

    private static List<String> names(ObjectNode page) {
        return java.util.stream.StreamSupport.stream(page.get("items").spliterator(), false)
                .map(n -> n.get("name").asText()).toList();
    }
}
