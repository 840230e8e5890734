package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Bucket-based credit over HTTP with org.revos.credit.buckets, which ships with the runtime: the domain's worked
 * example with deals won through the stage engine, the AE→AM handover, the near-threshold worklist, a rule change
 * replayed by a recompute job, credit to the deal's owner at the event's time, validation, tenant isolation, and the
 * plugin disabled and enabled again for a tenant while the runtime serves.
 */
@ExtendWith(RevosExtension.class)
class CreditIT {

    private static final String PLUGIN = "org.revos.credit.buckets";

    private final Revos revos;

    CreditIT(Revos revos) {
        this.revos = revos;
    }

    @Test
    void theWorkedExampleWithDealsWonOverHttpAndTheHandover() {
        Revos.Tenant t = revos.newTenant("credit worked example");
        JsonNode rule = revos.post(t.admin(), "/credit/rules", Map.of("effectiveFrom", "2020-01-01",
                "metric", "ACCOUNT_ARR", "threshold", 10000)).expect(201);
        assertEquals("buckets", rule.get("rule").asText());
        awaitJob(t, rule.get("recomputeJob").asText());
        String a = user(t, "Ann", "AE", null);
        String b = user(t, "Bob", "AE", null);
        String c = user(t, "Cid", "AE", null);
        user(t, "Small AM", "AM", 10);
        String bigAm = user(t, "Big AM", "AM", 50);
        String account = revos.post(t.member(), "/accounts", Map.of("name", "Hooli", "segment", "MID_MARKET",
                "ownerId", a)).expect(201).get("id").asText();

        revos.post(t.member(), "/revenue-events", Map.of("accountId", account, "occurredAt", "2026-01-10T00:00:00Z",
                "kind", "NEW", "arrDelta", 3000)).expect(201);
        JsonNode state = revos.get(t.readOnly(), "/credit/accounts/" + account).expect(200);
        assertEquals("ORANGE", state.get("bucket").asText());
        assertMoney("3000", state.get("total"));
        assertEquals(0, state.get("orange").size(), "self-serve revenue is credited to nobody");

        win(t, account, a, 2000);
        win(t, account, b, 4000);
        state = revos.get(t.readOnly(), "/credit/accounts/" + account).expect(200);
        assertEquals("ORANGE", state.get("bucket").asText());
        assertMoney("6000", state.get("orangeTotal"));
        assertTrue(state.get("nearThreshold").asBoolean(), "9,000 of 10,000");
        JsonNode near = revos.get(t.readOnly(), "/credit/near-threshold").expect(200).get("items");
        assertEquals(1, near.size());
        assertEquals(account, near.get(0).get("accountId").asText());
        assertMoney("1000", near.get(0).get("missing"));

        win(t, account, a, 1500);
        state = revos.get(t.readOnly(), "/credit/accounts/" + account).expect(200);
        assertEquals("GREEN", state.get("bucket").asText());
        assertTrue(state.get("greenAt").isTextual());
        assertEquals(Map.of(a, new BigDecimal("3500.00"), b, new BigDecimal("4000.00")), greenByRep(t, null));
        assertEquals(0, revos.get(t.readOnly(), "/credit/near-threshold").expect(200).get("items").size());

        JsonNode handedOver = Await.until(() -> revos.get(t.readOnly(), "/accounts/" + account).expect(200),
                acc -> bigAm.equals(acc.path("ownerId").asText()), Duration.ofSeconds(1));
        assertEquals(bigAm, handedOver.get("ownerId").asText(), "the AM with the most free capacity takes it");

        win(t, account, c, 5000);
        assertEquals(Map.of(a, new BigDecimal("3500.00"), b, new BigDecimal("4000.00"), c,
                new BigDecimal("5000.00")), greenByRep(t, null));
        JsonNode onlyC = revos.get(t.readOnly(), "/credit/ledger?ownerId=" + c).expect(200);
        assertEquals(1, onlyC.get("lines").size());
        assertEquals(1, onlyC.get("totals").size());
        assertTrue(revos.get(t.readOnly(), "/credit/ledger?period=2019").expect(200).get("lines").isEmpty(),
                "a line belongs to the period of its credit date");
    }

    @Test
    void aRuleChangeIsReplayedByARecomputeThatReportsTheDifference() {
        Revos.Tenant t = revos.newTenant("credit rule change");
        awaitJob(t, revos.post(t.admin(), "/credit/rules", Map.of("effectiveFrom", "2026-01-01", "threshold", 10000))
                .expect(201).get("recomputeJob").asText());
        String a = user(t, "Ann", "AE", null);
        String b = user(t, "Bob", "AE", null);
        String account = revos.post(t.member(), "/accounts", Map.of("name", "Pied Piper")).expect(201).get("id")
                .asText();
        revenue(t, account, openDeal(t, account, a), "2026-02-01T00:00:00Z", 6000);
        revenue(t, account, openDeal(t, account, b), "2026-03-15T00:00:00Z", 3000);
        assertEquals("ORANGE", revos.get(t.readOnly(), "/credit/accounts/" + account).expect(200).get("bucket")
                .asText());

        JsonNode lowered = revos.post(t.admin(), "/credit/rules", Map.of("effectiveFrom", "2026-03-01",
                "threshold", 8000)).expect(201);
        JsonNode result = awaitJob(t, lowered.get("recomputeJob").asText()).get("result");
        assertEquals(1, result.get("changedAccounts").asInt());
        Map<String, BigDecimal> delta = new HashMap<>();
        result.get("byRep").forEach(r -> delta.put(r.get("ownerId").asText(),
                r.get("delta").decimalValue().setScale(2)));
        assertEquals(Map.of(a, new BigDecimal("6000.00"), b, new BigDecimal("3000.00")), delta);
        JsonNode changed = result.get("byAccount").get(0);
        assertEquals(account, changed.get("accountId").asText());
        assertEquals("ORANGE", changed.get("bucketBefore").asText());
        assertEquals("GREEN", changed.get("bucketAfter").asText());

        JsonNode state = revos.get(t.readOnly(), "/credit/accounts/" + account).expect(200);
        assertEquals("2026-03-15T00:00:00Z", state.get("greenAt").asText(), "green at the March event, judged by"
                + " the version in effect then");
        assertEquals(Map.of(a, new BigDecimal("6000.00"), b, new BigDecimal("3000.00")), greenByRep(t, "2026-Q1"));

        JsonNode again = awaitJob(t, revos.post(t.member(), "/credit/recompute", Map.of()).expect(202).get("id")
                .asText()).get("result");
        assertEquals(0, again.get("changedAccounts").asInt(), "recomputing twice changes nothing");
        assertTrue(again.get("byRep").isEmpty());
        assertEquals(2, revos.get(t.readOnly(), "/credit/rules").expect(200).get("items").size());
    }

    /**
     * API.md: sales revenue is credited to the owner of the deal at the event's occurredAt. Ann owns the deal, then
     * Bob: revenue back-dated to Ann's time (recorded after the change) is Ann's, revenue of now and revenue dated
     * ahead (recorded while Ann still owned the deal) is Bob's; a recompute credits by the same rule.
     */
    @Test
    void revenueOfADealGoesToItsOwnerAtTheEventsTimeNotWhenItIsRecorded() throws InterruptedException {
        Revos.Tenant t = revos.newTenant("credit owner at the event's time");
        awaitJob(t, revos.post(t.admin(), "/credit/rules", Map.of("effectiveFrom", "2020-01-01",
                "threshold", 1_000_000)).expect(201).get("recomputeJob").asText());
        String ann = user(t, "Ann", "AE", null);
        String bob = user(t, "Bob", "AE", null);
        String account = revos.post(t.member(), "/accounts", Map.of("name", "Initech")).expect(201).get("id")
                .asText();
        String deal = openDeal(t, account, ann);
        java.time.Instant created = java.time.Instant.parse(revos.get(t.readOnly(), "/deals/" + deal).expect(200)
                .get("createdAt").asText());
        java.time.Instant now = java.time.Instant.now();
        String ahead = revenueEvent(t, account, deal, now.plus(Duration.ofDays(60)), 400);
        assertEquals(ann, dealOwner(t, ahead), "Ann owns the deal as far as anyone knows yet");
        Thread.sleep(20); // the change comes after the deal's creation instant
        revos.patch(t.member(), "/deals/" + deal, Map.of("ownerId", bob)).expect(200);

        String backDated = revenueEvent(t, account, deal, created, 1000);
        String beforeTheDeal = revenueEvent(t, account, deal, created.minus(Duration.ofDays(90)), 200);
        String current = revenueEvent(t, account, deal, java.time.Instant.now(), 30);
        assertEquals(ann, dealOwner(t, backDated), "back-dated to when Ann owned the deal");
        assertEquals(ann, dealOwner(t, beforeTheDeal), "dated before the deal existed: its owner at creation");
        assertEquals(bob, dealOwner(t, current));
        assertEquals(bob, dealOwner(t, ahead), "it occurs after the change: recorded under Ann, credited to Bob");

        Map<String, String> expected = Map.of(backDated, ann, beforeTheDeal, ann, current, bob, ahead, bob);
        assertEquals(expected, orangeReps(t, account));
        JsonNode again = awaitJob(t, revos.post(t.member(), "/credit/recompute", Map.of()).expect(202).get("id")
                .asText()).get("result");
        assertEquals(0, again.get("changedAccounts").asInt(), "a recompute credits by the same rule: " + again);
        assertEquals(expected, orangeReps(t, account));
    }

    @Test
    void badRuleVersionsAreRefusedNamingEveryProblemAndOnlyAdminsMayPostThem() {
        Revos.Tenant t = revos.newTenant("credit validation");
        JsonNode empty = revos.get(t.readOnly(), "/credit/ledger").expect(200);
        assertFalse(empty.get("ruleActive").asBoolean(), "no rule configured yet");
        assertTrue(empty.get("rule").isNull());
        assertEquals(409, revos.post(t.member(), "/credit/recompute", Map.of()).status(), "nothing to recompute");
        JsonNode refused = revos.post(t.admin(), "/credit/rules", Map.of("metric", "ACCOUNT_LOGOS",
                "threshold", -5, "spillCreditTo", "EVERYONE", "nearThresholdShare", 3)).expect(400);
        List<String> fields = fields(refused);
        assertTrue(fields.containsAll(List.of("effectiveFrom", "metric", "threshold", "spillCreditTo",
                "nearThresholdShare")), fields.toString());
        assertEquals(0, revos.get(t.readOnly(), "/credit/rules").expect(200).get("items").size(),
                "a refused version writes nothing");
        revos.post(t.member(), "/credit/rules", Map.of("effectiveFrom", "2026-01-01", "threshold", 1)).expect(403);
        JsonNode badQuery = revos.get(t.readOnly(), "/credit/ledger?period=Q9&colour=green").expect(400);
        assertEquals(List.of("colour", "period"), fields(badQuery).stream().sorted().toList());
    }

    @Test
    void anotherTenantsAccountCannotBeCreditedOrSeen() {
        Revos.Tenant owner = revos.newTenant("credit owner");
        Revos.Tenant intruder = revos.newTenant("credit intruder");
        for (Revos.Tenant t : List.of(owner, intruder)) {
            awaitJob(t, revos.post(t.admin(), "/credit/rules", Map.of("effectiveFrom", "2026-01-01",
                    "threshold", 100)).expect(201).get("recomputeJob").asText());
        }
        String account = revos.post(owner.member(), "/accounts", Map.of("name", "Private")).expect(201).get("id")
                .asText();
        int status = revos.post(intruder.member(), "/revenue-events", Map.of("accountId", account,
                "occurredAt", "2026-02-01T00:00:00Z", "kind", "NEW", "arrDelta", 500)).status();
        assertTrue(status == 400 || status == 404 || status == 422, "refused, got " + status);
        revos.get(intruder.readOnly(), "/credit/accounts/" + account).expect(404);
        assertEquals("ORANGE", revos.get(owner.readOnly(), "/credit/accounts/" + account).expect(200)
                .get("bucket").asText());
        assertTrue(revos.get(intruder.readOnly(), "/credit/ledger?period=2026").expect(200).get("lines").isEmpty());
    }

    /** Found by the fuzz: a null setting was stored, and every credit read of the tenant failed afterwards. */
    @Test
    void aSettingSentAsNullIsRefusedAndTheTenantsCreditReadsOn() {
        Revos.Tenant t = revos.newTenant("credit null setting");
        awaitJob(t, revos.post(t.admin(), "/credit/rules", Map.of("effectiveFrom", "2026-01-01", "threshold", 100))
                .expect(201).get("recomputeJob").asText());
        Map<String, Object> withNull = new java.util.HashMap<>(Map.of("effectiveFrom", "2026-02-01", "threshold",
                200));
        withNull.put("spillCreditTo", null);
        Revos.Reply refused = revos.post(t.admin(), "/credit/rules", withNull);
        assertEquals(400, refused.status(), refused.raw().body());
        assertEquals("spillCreditTo", refused.body().get("errors").get(0).get("field").asText(),
                refused.raw().body());
        assertEquals(1, revos.get(t.readOnly(), "/credit/rules").expect(200).get("items").size(), "nothing stored");
        String account = revos.post(t.member(), "/accounts", Map.of("name", "Initech")).expect(201).get("id")
                .asText();
        assertEquals("ORANGE", revos.get(t.readOnly(), "/credit/accounts/" + account).expect(200).get("bucket")
                .asText());
    }

    @Test
    void disablingThePluginForATenantStopsCreditUntilItIsEnabledAgain() {
        Revos.Tenant t = revos.newTenant("credit hot deploy");
        awaitJob(t, revos.post(t.admin(), "/credit/rules", Map.of("effectiveFrom", "2020-01-01", "threshold", 1000))
                .expect(201).get("recomputeJob").asText());
        String rep = user(t, "Ann", "AE", null);
        String account = revos.post(t.member(), "/accounts", Map.of("name", "Globex")).expect(201).get("id")
                .asText();
        String setting = "/admin/tenants/" + t.id() + "/plugins/" + PLUGIN;
        revos.send(RevosProcess.ADMIN_KEY, "PUT", setting, Map.of("enabled", false), Map.of()).expect(200);
        try {
            win(t, account, rep, 1500);
            JsonNode unavailable = revos.post(t.member(), "/credit/recompute", Map.of()).expect(409);
            assertTrue(unavailable.get("detail").asText().contains("buckets"), unavailable.toString());
            JsonNode stale = revos.get(t.readOnly(), "/credit/accounts/" + account).expect(200);
            assertFalse(stale.get("ruleActive").asBoolean());
            assertEquals("ORANGE", stale.get("bucket").asText(), "nothing credits while the rule is gone");
        } finally {
            revos.send(RevosProcess.ADMIN_KEY, "PUT", setting, Map.of("enabled", true), Map.of()).expect(200);
        }
        JsonNode green = Await.until(() -> revos.get(t.readOnly(), "/credit/accounts/" + account).expect(200),
                s -> "GREEN".equals(s.path("bucket").asText()), Duration.ofSeconds(40));
        assertTrue(green.get("ruleActive").asBoolean());
        assertEquals(Map.of(rep, new BigDecimal("1500.00")), greenByRep(t, null),
                "the deal won while the plugin was off is credited once it is back");
    }

    private String user(Revos.Tenant t, String name, String role, Integer capacity) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "role", role, "segment", "MID_MARKET"));
        if (capacity != null) {
            body.put("capacity", capacity);
        }
        return revos.post(t.member(), "/users", body).expect(201).get("id").asText();
    }

    /** A deal owned by {@code owner} that enters NEGOTIATION on creation and is then won. */
    private void win(Revos.Tenant t, String account, String owner, int arr) {
        String deal = revos.post(t.member(), "/deals", Map.of("accountId", account, "ownerId", owner,
                "name", "Expansion " + arr, "type", "EXPANSION", "arr", arr, "pipeline", "sales",
                "stage", "NEGOTIATION", "properties", Map.of("stakeholders", "CFO", "timeline", "Q3",
                        "budgetRange", "10-20k"))).expect(201).get("id").asText();
        revos.post(t.member(), "/deals/" + deal + "/transitions", Map.of("toStage", "CLOSED_WON")).expect(200);
    }

    private String openDeal(Revos.Tenant t, String account, String owner) {
        return revos.post(t.member(), "/deals", Map.of("accountId", account, "ownerId", owner, "name", "Deal",
                "type", "EXPANSION", "arr", 1)).expect(201).get("id").asText();
    }

    private void revenue(Revos.Tenant t, String account, String deal, String at, int arr) {
        revos.post(t.member(), "/revenue-events", Map.of("accountId", account, "occurredAt", at, "kind",
                "EXPANSION", "arrDelta", arr, "dealId", deal)).expect(201);
    }

    /** @return the id of an EXPANSION of the deal */
    private String revenueEvent(Revos.Tenant t, String account, String deal, java.time.Instant at, int arr) {
        return revos.post(t.member(), "/revenue-events", Map.of("accountId", account, "occurredAt", at.toString(),
                "kind", "EXPANSION", "arrDelta", arr, "dealId", deal)).expect(201).get("id").asText();
    }

    private String dealOwner(Revos.Tenant t, String revenueEvent) {
        return revos.get(t.readOnly(), "/revenue-events/" + revenueEvent).expect(200).get("dealOwnerId").asText();
    }

    /** @return the rep of each orange line of the account, by revenue event */
    private Map<String, String> orangeReps(Revos.Tenant t, String account) {
        Map<String, String> out = new HashMap<>();
        revos.get(t.readOnly(), "/credit/accounts/" + account).expect(200).get("orange").forEach(l -> out.put(
                l.get("revenueEventId").asText(), l.get("ownerId").asText()));
        return out;
    }

    /** Green credit per rep over every period the test can touch (this year and the ones around it). */
    private Map<String, BigDecimal> greenByRep(Revos.Tenant t, String period) {
        Map<String, BigDecimal> out = new HashMap<>();
        List<String> periods = period != null ? List.of(period)
                : List.of(String.valueOf(java.time.Year.now().getValue() - 1), String.valueOf(java.time.Year.now()
                        .getValue()));
        for (String p : periods) {
            revos.get(t.readOnly(), "/credit/ledger?period=" + p).expect(200).get("totals").forEach(row -> {
                BigDecimal green = row.get("green").decimalValue().setScale(2);
                if (green.signum() != 0) {
                    out.merge(row.get("ownerId").asText(), green, BigDecimal::add);
                }
            });
        }
        return out;
    }

    private JsonNode awaitJob(Revos.Tenant t, String id) {
        JsonNode job = Await.until(() -> revos.get(t.readOnly(), "/jobs/" + id).expect(200),
                j -> j.get("status").asText().matches("SUCCEEDED|FAILED"), Duration.ofSeconds(30));
        assertEquals("SUCCEEDED", job.get("status").asText(), job.toString());
        assertEquals(0, new BigDecimal("1").compareTo(job.get("progress").decimalValue()));
        return job;
    }

    private static List<String> fields(JsonNode problem) {
        return java.util.stream.StreamSupport.stream(problem.get("errors").spliterator(), false)
                .map(e -> e.get("field").asText()).toList();
    }

    private static void assertMoney(String expected, JsonNode actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual.decimalValue()), expected + " vs " + actual);
    }
}
