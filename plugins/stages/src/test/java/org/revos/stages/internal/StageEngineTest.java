package org.revos.stages.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.revos.runtime.internal.json.TestJson.json;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revos.api.event.RevosEvents;
import org.revos.api.model.ActivityType;
import org.revos.api.model.BowTiePhase;
import org.revos.api.model.EntryCriterion;
import org.revos.api.model.ObjectType;
import org.revos.api.model.Pipeline;
import org.revos.api.model.Stage;
import org.revos.api.model.StageCategory;
import org.revos.api.model.Tenant;
import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.Problem;
import org.revos.runtime.internal.objects.Catalog;
import org.revos.runtime.internal.objects.KernelStageHistory;
import org.revos.runtime.internal.objects.ObjectEngine;
import org.revos.runtime.internal.persistence.AccountEntity;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.TestStores;
import org.revos.runtime.internal.rest.Collections;
import org.revos.runtime.internal.rest.Idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class StageEngineTest {

    private static final String T = "ten_stages";
    private static final Tenant TENANT = new Tenant(T, "Stages", "USD", ZoneId.of("UTC"));
    private static final StageCatalog CATALOG = new StageCatalog(true, List.of(new Pipeline("sales", ObjectType.DEAL,
            true, List.of(
                    new Stage("DISCOVERY", "Discovery", StageCategory.OPEN, 0.1, BowTiePhase.SELECTION, List.of(), false),
                    new Stage("OPPORTUNITY", "Opportunity", StageCategory.OPEN, 0.3, BowTiePhase.SELECTION,
                            List.of("stakeholders", "timeline", "budgetRange"), false),
                    new Stage("WON", "Closed Won", StageCategory.WON, 1.0, BowTiePhase.COMMIT, List.of(), false),
                    new Stage("LOST", "Closed Lost", StageCategory.LOST, 0.0, BowTiePhase.SELECTION, List.of(),
                            true),
                    new Stage("CHURNED", "Churned", StageCategory.CHURNED, 0.0, BowTiePhase.IMPACT, List.of(), true)
                            .enteredFrom("WON"),
                    new Stage("REOPENED", "Reopened", StageCategory.OPEN, 0.1, BowTiePhase.SELECTION, List.of(),
                            false).enteredFrom("LOST"))),
            new Pipeline("leads", ObjectType.LEAD, true, List.of(
                    new Stage("RAW", "Raw lead", StageCategory.OPEN, 0.01, BowTiePhase.AWARENESS, List.of(), false),
                    new Stage("MQL", "Marketing qualified lead", StageCategory.OPEN, 0.05, BowTiePhase.EDUCATION,
                            List.of("consent"), false).withEntryCriteria(List.of(
                                    new EntryCriterion.FieldIn("country", "based in a target country", "country",
                                            List.of("DE", "AT")),
                                    new EntryCriterion.FieldAtLeast("size", "a target company size", "employees", 50),
                                    new EntryCriterion.FieldContainsAny("title", "a decision maker", "title",
                                            List.of("head", "VP")),
                                    new EntryCriterion.FieldAtLeast("visits", "visited the pricing page",
                                            "properties.pricingVisits", 2),
                                    new EntryCriterion.ActivitiesAtLeast("action", "a qualifying action",
                                            Set.of(ActivityType.MEETING, ActivityType.CALL), 1))),
                    new Stage("SQL", "Sales qualified lead", StageCategory.OPEN, 0.2, BowTiePhase.SELECTION,
                            List.of("bant"), false).enteredFrom("MQL")))),
            List.of("PRICE", "TIMING"));

    private final TestStores stores = new TestStores();
    private final Store store = stores.store;
    private final StageEngine engine = new StageEngine(new Collections(store, new Idempotency(store)),
            new KernelStageHistory());

    @AfterEach
    void close() {
        store.close();
    }


    private String account() {
        return store.write(T, TestStores.member(T), tx -> ObjectEngine.create(tx, Catalog.ACCOUNT,
                json("{'name': 'Globex'}"))).get("id").asText();
    }

    private String deal(String account, String extra) {
        return store.write(T, TestStores.member(T), tx -> {
            String id = ObjectEngine.create(tx, Catalog.DEAL, json("{'accountId': '" + account + "', 'name': 'D'"
                    + extra + "}")).get("id").asText();
            engine.enterFirstStage(tx, CATALOG, ObjectType.DEAL, id);
            return id;
        });
    }

    private ObjectNode move(String deal, String body) {
        return store.write(T, TestStores.member(T),
                tx -> engine.transition(tx, TENANT, CATALOG, ObjectType.DEAL, deal, json(body)));
    }

    private long transitions(String deal) {
        return store.read(T, em -> em.createQuery("SELECT COUNT(t) FROM StageTransitionEntity t WHERE t.objectId = :id",
                Long.class).setParameter("id", deal).getSingleResult());
    }

    @Test
    void newDealsStartInTheFirstStageOfTheDefaultPipeline() {
        String deal = deal(account(), "");
        JsonNode stored = store.read(T, em -> ObjectEngine.render(Catalog.DEAL, ObjectEngine.find(em, Catalog.DEAL, deal)));
        assertEquals("sales", stored.get("pipeline").asText());
        assertEquals("DISCOVERY", stored.get("stage").asText());
        assertEquals(1, transitions(deal));
    }

    @Test
    void aRefusedMoveListsEveryUnmetRequirementAndWritesNothing() {
        String deal = deal(account(), "");
        Problem p = assertThrows(Problem.class, () -> move(deal, "{'toStage': 'OPPORTUNITY', 'properties':"
                + " {'timeline': 'Q3'}}"));
        assertEquals(422, p.status());
        assertEquals(Set.of("properties.stakeholders", "properties.budgetRange"),
                p.errors().stream().map(FieldError::field).collect(Collectors.toSet()));
        assertEquals(1, transitions(deal), "nothing was written");
        JsonNode stored = store.read(T, em -> ObjectEngine.render(Catalog.DEAL, ObjectEngine.find(em, Catalog.DEAL, deal)));
        assertEquals("DISCOVERY", stored.get("stage").asText());
        assertTrue(stored.get("properties").isEmpty(), "the request's properties were not kept either");
    }

    @Test
    void anAcceptedMoveWritesTheObjectItsHistoryAndAnEvent() {
        String deal = deal(account(), "");
        ObjectNode moved = move(deal, "{'toStage': 'OPPORTUNITY', 'properties': {'stakeholders': 'CFO, CTO',"
                + " 'timeline': 'Q3', 'budgetRange': '50-80k'}}");
        assertEquals("OPPORTUNITY", moved.get("stage").asText());
        assertEquals("Q3", moved.get("properties").get("timeline").asText());
        assertEquals(2, transitions(deal));
        assertTrue(stores.events.stream().anyMatch(e -> e.getKey().equals(RevosEvents.STAGE_CHANGED)
                && "OPPORTUNITY".equals(e.getValue().get(RevosEvents.STAGE))
                && "DISCOVERY".equals(e.getValue().get(RevosEvents.FROM_STAGE))));
    }

    @Test
    void aMoveToTheCurrentStageIsANoOp() {
        String deal = deal(account(), "");
        move(deal, "{'toStage': 'DISCOVERY'}");
        assertEquals(1, transitions(deal));
    }

    @Test
    void lostNeedsALossReasonFromTheTenantsCodes() {
        String deal = deal(account(), "");
        assertEquals("lossReason", assertThrows(Problem.class, () -> move(deal, "{'toStage': 'LOST'}")).errors()
                .get(0).field());
        assertEquals("lossReason", assertThrows(Problem.class, () -> move(deal, "{'toStage': 'LOST',"
                + " 'lossReason': 'ALIENS'}")).errors().get(0).field());
        assertEquals("PRICE", move(deal, "{'toStage': 'LOST', 'lossReason': 'PRICE'}").get("lossReason").asText());
    }

    @Test
    void unknownStagesAreRefusedNamingTheStagesThereAre() {
        String deal = deal(account(), "");
        Problem p = assertThrows(Problem.class, () -> move(deal, "{'toStage': 'NEGOTIATION'}"));
        assertEquals(422, p.status());
        assertTrue(p.errors().get(0).message().contains("DISCOVERY, OPPORTUNITY, WON, LOST"), p.errors().toString());
    }

    @Test
    void winningADealRecordsItsRevenueAndCloseDate() {
        String account = account();
        String deal = deal(account, ", 'arr': 12000, 'seats': 10");
        ObjectNode won = move(deal, "{'toStage': 'WON'}");
        assertTrue(won.get("closeDate").isTextual());
        AccountEntity stored = store.read(T, em -> em.find(AccountEntity.class, account));
        assertEquals(1_200_000, stored.arrCents);
        assertEquals(10, stored.seats);
        assertTrue(stores.events.stream().anyMatch(e -> e.getKey().equals(RevosEvents.DEAL_WON)));
    }

    @Test
    void aRenewalRecordsTheDifferenceToTheAccountsArr() {
        String account = account();
        move(deal(account, ", 'arr': 10000"), "{'toStage': 'WON'}");
        move(deal(account, ", 'arr': 12500, 'type': 'RENEWAL'"), "{'toStage': 'WON'}");
        assertEquals(1_250_000, store.read(T, em -> em.find(AccountEntity.class, account)).arrCents);
        List<String> kinds = store.read(T, em -> em.createQuery("SELECT r.kind FROM RevenueEventEntity r"
                + " ORDER BY r.id", String.class).getResultList());
        assertEquals(List.of("NEW", "RENEWAL"), kinds);
    }

    @Test
    void withoutAnActiveStageModelTheApiSaysSo() {
        String deal = deal(account(), "");
        StageCatalog none = new StageCatalog(false, List.of(), List.of());
        Problem p = assertThrows(Problem.class, () -> store.write(T, TestStores.member(T),
                tx -> engine.transition(tx, TENANT, none, ObjectType.DEAL, deal, json("{'toStage': 'WON'}"))));
        assertEquals(409, p.status());
        assertTrue(p.getMessage().contains("No stage model is active"));
    }

    @Test
    void malformedRequestsAreRefusedWithEveryProblem() {
        String deal = deal(account(), "");
        Problem p = assertThrows(Problem.class, () -> move(deal, "{'properties': 5, 'colour': 'red'}"));
        assertEquals(400, p.status());
        assertEquals(Set.of("toStage", "properties", "colour"),
                p.errors().stream().map(FieldError::field).collect(Collectors.toSet()));
    }

    @Test
    void anAdminMayOverrideUnmetRequirementsWithAReasonAndItIsAudited() {
        String deal = deal(account(), "");
        String override = "{'toStage': 'OPPORTUNITY', 'override': {'reason': 'Signed contract arrived by post'}}";
        Problem member = assertThrows(Problem.class, () -> move(deal, override));
        assertEquals(403, member.status());
        Problem shortReason = assertThrows(Problem.class, () -> move(deal, "{'toStage': 'OPPORTUNITY',"
                + " 'override': {'reason': 'because'}}"));
        assertEquals("override.reason", shortReason.errors().get(0).field());

        ObjectNode moved = store.write(T, new org.revos.runtime.internal.security.KeyCaller("key_admin", T,
                org.revos.api.security.ApiRole.ADMIN, "admin key"),
                tx -> engine.transition(tx, TENANT, CATALOG, ObjectType.DEAL, deal, json(override)));
        assertEquals("OPPORTUNITY", moved.get("stage").asText());
        String reason = store.read(T, em -> em.createQuery("SELECT t.overrideReason FROM StageTransitionEntity t"
                + " WHERE t.objectId = :id AND t.toStage = 'OPPORTUNITY'", String.class).setParameter("id", deal)
                .getSingleResult());
        assertEquals("Signed contract arrived by post", reason);
        String audited = store.read(T, em -> em.createQuery("SELECT a.afterJson FROM AuditEntryEntity a"
                + " WHERE a.objectId = :id AND a.action = 'TRANSITION_OVERRIDE'", String.class).setParameter("id", deal)
                .getSingleResult());
        assertTrue(audited.contains("properties.stakeholders") && audited.contains("Signed contract"), audited);
    }

    @Test
    void propertyDefinitionsAddRequirementsAndTypesToTransitions() {
        store.write(T, TestStores.member(T), tx -> ObjectEngine.create(tx, Catalog.PROPERTY, json("{'objectType':"
                + " 'DEAL', 'key': 'champion', 'type': 'STRING', 'requiredInStages': ['PROPOSAL', 'OPPORTUNITY']}")));
        store.write(T, TestStores.member(T), tx -> ObjectEngine.create(tx, Catalog.PROPERTY, json("{'objectType':"
                + " 'DEAL', 'key': 'budgetRange', 'type': 'ENUM', 'options': ['<10k', '10-50k', '>50k']}")));
        String deal = deal(account(), "");
        Problem p = assertThrows(Problem.class, () -> move(deal, "{'toStage': 'OPPORTUNITY', 'properties':"
                + " {'stakeholders': 'CFO', 'timeline': 'Q3', 'budgetRange': '10-50k'}}"));
        assertEquals(List.of("properties.champion"), p.errors().stream().map(FieldError::field).toList());
        Problem badValue = assertThrows(Problem.class, () -> move(deal, "{'toStage': 'OPPORTUNITY', 'properties':"
                + " {'stakeholders': 'CFO', 'timeline': 'Q3', 'budgetRange': 'lots', 'champion': 'Ada'}}"));
        assertEquals(400, badValue.status());
        assertEquals("properties.budgetRange", badValue.errors().get(0).field());
        assertEquals("OPPORTUNITY", move(deal, "{'toStage': 'OPPORTUNITY', 'properties': {'stakeholders': 'CFO',"
                + " 'timeline': 'Q3', 'budgetRange': '10-50k', 'champion': 'Ada'}}").get("stage").asText());
    }

    private String lead(String fields) {
        return store.write(T, TestStores.member(T), tx -> {
            String id = ObjectEngine.create(tx, Catalog.LEAD, json("{'email': 'ada@example.com'" + fields + "}"))
                    .get("id").asText();
            engine.enterFirstStage(tx, CATALOG, ObjectType.LEAD, id);
            return id;
        });
    }

    private ObjectNode moveLead(String lead, String body) {
        return store.write(T, TestStores.member(T),
                tx -> engine.transition(tx, TENANT, CATALOG, ObjectType.LEAD, lead, json(body)));
    }

    private void activity(String lead, String type) {
        store.write(T, TestStores.member(T), tx -> ObjectEngine.create(tx, Catalog.ACTIVITY, json("{'type': '" + type
                + "', 'leadId': '" + lead + "'}")));
    }

    private static List<String> fields(Problem p) {
        return p.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void everyUnmetEntryCriterionIsListedWithTheMissingProperties() {
        String lead = lead(", 'country': 'FR', 'employees': 10, 'title': 'Intern'");
        Problem p = assertThrows(Problem.class, () -> moveLead(lead, "{'toStage': 'MQL'}"));
        assertEquals(422, p.status());
        assertEquals(List.of("properties.consent", "country", "employees", "title", "properties.pricingVisits",
                "activities"), fields(p));
        assertTrue(p.errors().get(1).message().contains("must be one of DE, AT") && p.errors().get(1).message()
                .contains("is FR"), p.errors().get(1).message());
        assertTrue(p.errors().get(5).message().contains("CALL or MEETING") && p.errors().get(5).message()
                .contains("has 0"), p.errors().get(5).message());
        assertEquals("RAW", store.read(T, em -> ObjectEngine.find(em, Catalog.LEAD, lead)).stage, "nothing written");
    }

    @Test
    void metCriteriaDropOutOfTheListUntilTheLeadQualifies() {
        String lead = lead(", 'country': 'de', 'employees': 50, 'title': 'Head of Sales'");
        activity(lead, "EMAIL");
        Problem p = assertThrows(Problem.class, () -> moveLead(lead, "{'toStage': 'MQL', 'properties':"
                + " {'consent': true, 'pricingVisits': 1}}"));
        assertEquals(List.of("properties.pricingVisits", "activities"), fields(p),
                "country (any case), size and title are met; an EMAIL is no qualifying action");
        activity(lead, "MEETING");
        ObjectNode moved = moveLead(lead, "{'toStage': 'MQL', 'properties': {'consent': true, 'pricingVisits': 3}}");
        assertEquals("MQL", moved.get("stage").asText());
        assertEquals(3, moved.get("properties").get("pricingVisits").asInt(), "the move set what it needed");
    }

    @Test
    void aMoveFromAStageTheTargetDoesNotAllowIsListedWithTheOtherUnmetRequirements() {
        String lead = lead("");
        Problem p = assertThrows(Problem.class, () -> moveLead(lead, "{'toStage': 'SQL'}"));
        assertEquals(List.of("toStage", "properties.bant"), fields(p));
        assertTrue(p.errors().get(0).message().startsWith("move not allowed: Sales qualified lead can be entered"
                + " from MQL only"), p.errors().get(0).message());

        String deal = deal(account(), "");
        assertEquals(List.of("toStage"), fields(assertThrows(Problem.class, () -> move(deal,
                "{'toStage': 'REOPENED'}"))));
        move(deal, "{'toStage': 'LOST', 'lossReason': 'TIMING'}");
        assertEquals("REOPENED", move(deal, "{'toStage': 'REOPENED'}").get("stage").asText());
    }

    @Test
    void aNewObjectPlacedInAStageMeetsItsRequirementsButNotWhereItCameFrom() {
        String lead = lead("");
        Problem p = assertThrows(Problem.class, () -> store.write(T, TestStores.member(T),
                tx -> engine.placeNew(tx, TENANT, CATALOG, ObjectType.LEAD, lead, "SQL", true)));
        assertEquals(List.of("properties.bant"), fields(p), "where it came from does not apply to a new object");
    }

    @Test
    void aDealArrivingWonWithAPastCloseDateRecordsItsRevenueOnThatDayAndAMoveRecordsItNow() {
        String account = account();
        String past = deal(account, ", 'arr': 1000, 'closeDate': '2025-06-30'");
        String future = deal(account, ", 'arr': 2000, 'closeDate': '2999-01-31'");
        String moved = deal(account, ", 'arr': 3000, 'closeDate': '2025-01-15'");
        long before = System.currentTimeMillis();
        store.write(T, TestStores.member(T), tx -> engine.placeNew(tx, TENANT, CATALOG, ObjectType.DEAL, past,
                "WON", true));
        store.write(T, TestStores.member(T), tx -> engine.placeNew(tx, TENANT, CATALOG, ObjectType.DEAL, future,
                "WON", true));
        move(moved, "{'toStage': 'WON'}");
        Map<String, Long> at = new java.util.HashMap<>();
        for (Object[] e : store.read(T, em -> em.createQuery("SELECT r.dealId, r.occurredAt FROM RevenueEventEntity r",
                Object[].class).getResultList())) {
            at.put((String) e[0], (Long) e[1]);
        }
        assertEquals(java.time.Instant.parse("2025-06-30T00:00:00Z").toEpochMilli(), at.get(past),
                "a deal created won was won on its close date");
        assertTrue(at.get(future) >= before, "never in the future: " + at.get(future));
        assertTrue(at.get(moved) >= before, "a move is dated when it happens: " + at.get(moved));
    }

    @Test
    void aDealPlacedWonWithoutRecordingRevenueIsClosedWithNoRevenueAndNoWonEvent() {
        String account = account();
        String deal = deal(account, ", 'arr': 5000, 'seats': 2");
        stores.events.clear();
        ObjectNode placed = store.write(T, TestStores.member(T), tx -> engine.placeNew(tx, TENANT, CATALOG,
                ObjectType.DEAL, deal, "WON", false));
        assertEquals("WON", placed.get("stage").asText());
        assertTrue(placed.hasNonNull("closeDate"), placed.toString());
        long revenueEvents = store.read(T, em -> em.createQuery("SELECT COUNT(r) FROM RevenueEventEntity r",
                Long.class).getSingleResult());
        assertEquals(0, revenueEvents);
        assertEquals(0, store.read(T, em -> em.find(AccountEntity.class, account)).arrCents);
        assertTrue(stores.events.stream().noneMatch(e -> e.getKey().equals(RevosEvents.DEAL_WON)), stores.events
                .toString());
        assertTrue(stores.events.stream().anyMatch(e -> e.getKey().equals(RevosEvents.STAGE_CHANGED)));
    }

    @Test
    void aChurnedCustomerLeavesWonWithAReasonAndTakesItsArrOffTheLedger() {
        String account = account();
        String deal = deal(account, ", 'arr': 12000, 'seats': 10");
        Problem notWon = assertThrows(Problem.class, () -> move(deal, "{'toStage': 'CHURNED', 'lossReason':"
                + " 'PRICE'}"));
        assertEquals(List.of("toStage"), fields(notWon), "only a won customer can churn");
        move(deal, "{'toStage': 'WON'}");
        assertEquals(List.of("lossReason"), fields(assertThrows(Problem.class, () -> move(deal,
                "{'toStage': 'CHURNED'}"))));
        ObjectNode churned = move(deal, "{'toStage': 'CHURNED', 'lossReason': 'PRICE'}");
        assertEquals("CHURNED", churned.get("stage").asText());
        assertEquals("PRICE", churned.get("lossReason").asText());
        AccountEntity stored = store.read(T, em -> em.find(AccountEntity.class, account));
        assertEquals(0, stored.arrCents);
        assertEquals(0, stored.seats);
        List<Object[]> events = store.read(T, em -> em.createQuery("SELECT r.kind, r.arrDeltaCents, r.dealId FROM"
                + " RevenueEventEntity r ORDER BY r.id", Object[].class).getResultList());
        assertEquals(List.of("NEW", "CHURN"), events.stream().map(e -> e[0]).toList());
        assertEquals(-1_200_000L, events.get(1)[1]);
        assertEquals(deal, events.get(1)[2]);
        assertEquals(3, transitions(deal));

        move(deal(account, ", 'arr': 800"), "{'toStage': 'WON'}");
        assertEquals(80_000, store.read(T, em -> em.find(AccountEntity.class, account)).arrCents,
                "a win after a churn starts the account again");
    }

    @Test
    void aSecondDealOfAChurnedAccountChurnsWithoutAnotherRevenueEvent() {
        String account = account();
        String first = deal(account, ", 'arr': 1000");
        String second = deal(account, ", 'arr': 500, 'type': 'EXPANSION'");
        move(first, "{'toStage': 'WON'}");
        move(second, "{'toStage': 'WON'}");
        move(second, "{'toStage': 'CHURNED', 'lossReason': 'PRICE'}");
        move(first, "{'toStage': 'CHURNED', 'lossReason': 'PRICE'}");
        List<Long> deltas = store.read(T, em -> em.createQuery("SELECT r.arrDeltaCents FROM RevenueEventEntity r"
                + " ORDER BY r.id", Long.class).getResultList());
        assertEquals(List.of(100_000L, 50_000L, -150_000L), deltas, "the customer left once, with all of its ARR");
    }

    @Test
    void anAdminOverrideAlsoSkipsAMoveThatIsNotAllowedAndAuditsIt() {
        String lead = lead("");
        ObjectNode moved = store.write(T, new org.revos.runtime.internal.security.KeyCaller("key_admin", T,
                org.revos.api.security.ApiRole.ADMIN, "admin key"), tx -> engine.transition(tx, TENANT, CATALOG,
                        ObjectType.LEAD, lead, json("{'toStage': 'SQL', 'override': {'reason': 'Outbound, qualified"
                                + " on the first call'}}")));
        assertEquals("SQL", moved.get("stage").asText());
        String audited = store.read(T, em -> em.createQuery("SELECT a.afterJson FROM AuditEntryEntity a"
                + " WHERE a.objectId = :id AND a.action = 'TRANSITION_OVERRIDE'", String.class).setParameter("id", lead)
                .getSingleResult());
        assertTrue(audited.contains("move not allowed"), audited);
    }
}
