package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

/**
 * Lead intake over HTTP with the rules RevOS ships: a day of 7,000 generated sign-ups with a realistic mix (free mail,
 * duplicates, existing customers, partner countries, small companies, unknown sizes) goes through the batch endpoint,
 * and every sign-up's outcome, lane, rule, score, MQL and rep match a reference computed here from the documented
 * rules, as do the counts per outcome and per rep and the lead funnel; capacity is never exceeded. A second tenant
 * holds the single endpoint, settings validation, the events a webhook announces and reassignment when a rep leaves.
 */
@ExtendWith(RevosExtension.class)
class LeadIntakeIT {

    private static final String LIFECYCLE = "org.revos.stages.lifecycle";
    private static final int SIGN_UPS = 7_000;
    private static final int BATCH = 500;
    private static final List<String> ALLOWED = List.of("US", "CA", "GB", "DE", "FR", "AU");
    private static final Map<String, String> PARTNERS = Map.of("BR", "partner-latam", "MX", "partner-latam", "IN",
            "partner-india");
    private static final Map<String, String> TERRITORY = Map.of("US", "AMER", "CA", "AMER", "GB", "EMEA", "DE",
            "EMEA", "FR", "EMEA", "AU", "APAC");
    private static final List<String> FREE = List.of("gmail.com", "yahoo.com", "hotmail.com", "outlook.com");
    private static final List<String> TITLES = java.util.Arrays.asList("VP Sales", "Head of Operations",
            "Director of IT", "Operations Manager", "Engineer", "Chief Executive Officer", "Founder", null);
    private static final Map<String, Integer> TITLE_POINTS = Map.of("chief", 30, "vp", 30, "head", 25, "director",
            25, "manager", 15);
    private static final Map<String, int[]> SIGNALS = Map.of("SEATS_ADDED", new int[] { 10, 40 }, "BOARD_CREATED",
            new int[] { 5, 30 }, "INVITE_SENT", new int[] { 5, 20 }, "LOGIN", new int[] { 2, 20 });
    private static final int MQL_SCORE = 55;
    private static final int MQL_EMPLOYEES = 200;

    private final Revos revos;

    LeadIntakeIT(Revos revos) {
        this.revos = revos;
    }

    /** A generated sign-up and what the reference expects of it. */
    private record SignUp(ObjectNode body, String email, String domain, String country, Integer employees,
            String title, Map<String, Integer> signals) {
    }

    /** A rep as the reference books it. */
    private static final class Rep {
        final String id;
        final String segment;
        final String team;
        final int capacity;
        int load;
        long last;

        Rep(String id, String segment, String team, int capacity, int load) {
            this.id = id;
            this.segment = segment;
            this.team = team;
            this.capacity = capacity;
            this.load = load;
        }
    }

    /** The reference's verdict for one sign-up. */
    private record Expected(String outcome, String lane, String rule, Integer score, boolean mql, String ownerId) {
    }

    @Test
    void aDayOfSevenThousandSignUpsIsFilteredScoredAndRoutedAsTheReferenceSays() throws InterruptedException {
        Revos.Tenant t = revos.newTenant("lead intake day");
        configureMql(t);
        revos.send(t.admin(), "PUT", "/leads/intake/settings", settings(), Map.of()).expect(200);

        List<Rep> reps = new ArrayList<>();
        reps.add(rep(t, "AMER", "SMB", 100, "AE"));
        reps.add(rep(t, "AMER", "SMB", 100, "AE"));
        reps.add(rep(t, "AMER", "SMB", 100, "AE"));
        reps.add(rep(t, "AMER", "MID_MARKET", 60, "AE"));
        reps.add(rep(t, "AMER", "MID_MARKET", 60, "AE"));
        Rep busy = rep(t, "AMER", "MID_MARKET", 60, "AE");
        reps.add(busy);
        reps.add(rep(t, "AMER", "ENTERPRISE", 50, "AE"));
        reps.add(rep(t, "AMER", "ENTERPRISE", 50, "AE"));
        reps.add(rep(t, "EMEA", "SMB", 150, "AE"));
        reps.add(rep(t, "EMEA", "SMB", 150, "AE"));
        reps.add(rep(t, "EMEA", "MID_MARKET", 90, "AE"));
        reps.add(rep(t, "EMEA", "MID_MARKET", 90, "AE"));
        reps.add(rep(t, "EMEA", "ENTERPRISE", 100, "AE"));
        reps.add(rep(t, "APAC", "SMB", 40, "AE"));
        reps.add(rep(t, "APAC", "MID_MARKET", 100, "AE"));
        Rep sdr = rep(t, "AMER", "SMB", 500, "SDR");
        // the busy rep already holds five open deals: they count against the capacity
        String account = revos.post(t.member(), "/accounts", Map.of("name", "Held account")).expect(201).get("id")
                .asText();
        for (int i = 0; i < 5; i++) {
            revos.post(t.member(), "/deals", Map.of("accountId", account, "ownerId", busy.id, "name", "Open " + i,
                    "arr", 1000)).expect(201);
        }
        busy.load = 5;
        // three customers: accounts with revenue
        List<String> customers = List.of("customer-one.example", "customer-two.example", "customer-three.example");
        for (String domain : customers) {
            String id = revos.post(t.member(), "/accounts", Map.of("name", domain, "domain", domain)).expect(201)
                    .get("id").asText();
            revos.post(t.member(), "/revenue-events", Map.of("accountId", id, "occurredAt", "2026-01-10T00:00:00Z",
                    "kind", "NEW", "arrDelta", 5000)).expect(201);
        }

        List<SignUp> day = generate(customers);
        List<Expected> expected = reference(day, reps, customers);

        List<JsonNode> records = new ArrayList<>();
        Map<String, Integer> counted = new TreeMap<>();
        long started = System.nanoTime();
        for (int from = 0; from < day.size(); from += BATCH) {
            ArrayNode batch = Revos.JSON.createArrayNode();
            day.subList(from, Math.min(day.size(), from + BATCH)).forEach(s -> batch.add(s.body()));
            JsonNode answer = revos.post(t.member(), "/leads/intake/batch", Map.of("signUps", batch)).expect(200);
            answer.get("items").forEach(records::add);
            answer.get("counts").fields().forEachRemaining(e -> counted.merge(e.getKey(), e.getValue().asInt(),
                    Integer::sum));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "LeadIntakeIT: %d sign-ups in %.1f s (%.0f a second)%n", SIGN_UPS, seconds,
                SIGN_UPS / seconds);
        assertEquals(SIGN_UPS, records.size());

        Map<String, Integer> byOutcome = new TreeMap<>();
        Map<String, Integer> byRep = new TreeMap<>();
        int mql = 0;
        for (int i = 0; i < SIGN_UPS; i++) {
            JsonNode r = records.get(i);
            Expected e = expected.get(i);
            String where = "sign-up " + i + " " + day.get(i).body() + " -> " + r;
            assertEquals(e.outcome(), r.get("outcome").asText(), where);
            assertEquals(e.lane(), r.get("lane").isNull() ? null : r.get("lane").asText(), where);
            assertEquals(e.rule(), "ROUTED".equals(e.outcome()) || "QUEUED".equals(e.outcome())
                    ? r.at("/routing/rule").asText() : r.at("/filter/rule").asText(), where);
            assertEquals(e.score(), r.get("score").isNull() ? null : r.at("/score/value").asInt(), where);
            assertEquals(e.mql(), r.at("/mql/became").asBoolean(), where);
            assertEquals(e.ownerId(), r.get("ownerId").isNull() ? null : r.get("ownerId").asText(), where);
            byOutcome.merge(e.outcome() + (e.lane() == null ? "" : ":" + e.lane()), 1, Integer::sum);
            if (e.ownerId() != null) {
                byRep.merge(e.ownerId(), 1, Integer::sum);
            }
            mql += e.mql() ? 1 : 0;
        }
        System.out.println("LeadIntakeIT: outcomes " + byOutcome + ", MQL " + mql);
        assertEquals(expected.stream().filter(e -> "ROUTED".equals(e.outcome())).count(), (long) counted.get("ROUTED"));
        assertEquals(expected.stream().filter(e -> "QUEUED".equals(e.outcome())).count(), (long) counted.get("QUEUED"));
        assertEquals(expected.stream().filter(e -> "DIVERTED".equals(e.outcome())).count(),
                (long) counted.get("DIVERTED"));
        assertEquals(0, counted.get("REFUSED"));
        assertEquals(mql, counted.get("MQL"));
        // a realistic day: about a tenth reaches sales, every lane is used, somebody waits in the queue
        long routed = counted.get("ROUTED");
        assertTrue(routed > 500 && routed < 1500, "routed " + routed);
        for (String lane : List.of("DIVERTED:self-serve", "DIVERTED:partner-latam", "DIVERTED:partner-india",
                "DIVERTED:duplicate", "DIVERTED:existing-customer", "QUEUED:unassigned")) {
            assertTrue(byOutcome.getOrDefault(lane, 0) > 0, lane + " in " + byOutcome);
        }
        assertTrue(mql > 50, "MQL " + mql);
        for (Rep rep : reps) {
            int got = byRep.getOrDefault(rep.id, 0);
            assertTrue(got + (rep == busy ? 5 : 0) <= rep.capacity, rep.id + " got " + got + " over its capacity");
        }
        assertFalse(byRep.containsKey(sdr.id), "only AEs are routed to");

        // per rep, as the API lists them
        for (Rep rep : reps) {
            int listed = 0;
            String next = null;
            do {
                JsonNode page = revos.get(t.readOnly(), "/leads/intake?ownerId=" + rep.id + "&limit=500"
                        + (next == null ? "" : "&cursor=" + next)).expect(200);
                listed += page.get("items").size();
                next = page.get("next").isNull() ? null : page.get("next").asText();
            } while (next != null);
            assertEquals(byRep.getOrDefault(rep.id, 0), listed, rep.id);
        }

        // the lead itself carries the decision: owner, score, stage
        JsonNode firstMql = records.stream().filter(r -> r.at("/mql/became").asBoolean()).findFirst().orElseThrow();
        JsonNode lead = revos.get(t.readOnly(), "/leads/" + firstMql.get("leadId").asText()).expect(200);
        assertEquals("MQL", lead.get("stage").asText(), lead::toString);
        assertEquals(firstMql.at("/score/value").asInt(), lead.get("score").asInt());
        assertEquals(firstMql.get("ownerId"), lead.get("ownerId"));
        assertTrue(firstMql.at("/score/explanation").size() >= 2, firstMql::toString);

        // the funnel: sign-ups -> passed the filters -> MQL -> SAL -> SQL
        List<String> mqls = records.stream().filter(r -> r.at("/mql/became").asBoolean())
                .map(r -> r.get("leadId").asText()).limit(10).toList();
        for (int i = 0; i < mqls.size(); i++) {
            revos.post(t.member(), "/leads/" + mqls.get(i) + "/transitions", Map.of("toStage", "SAL")).expect(200);
            if (i < 4) {
                revos.post(t.member(), "/leads/" + mqls.get(i) + "/transitions", Map.of("toStage", "SQL"))
                        .expect(200);
            }
        }
        JsonNode funnel = revos.get(t.readOnly(), "/leads/intake/funnel").expect(200).get("steps");
        long passed = expected.stream().filter(e -> !"DIVERTED".equals(e.outcome())).count();
        assertEquals(List.of("SIGN_UP", "PASSED_FILTER", "MQL", "SAL", "SQL"), funnel.findValuesAsText("step"));
        assertEquals(List.of((long) SIGN_UPS, passed, (long) mql, 10L, 4L), funnel.findValues("count").stream()
                .map(JsonNode::asLong).toList());
        assertEquals(0, new java.math.BigDecimal(passed).divide(new java.math.BigDecimal(SIGN_UPS), 4,
                java.math.RoundingMode.HALF_EVEN).compareTo(funnel.get(1).get("conversion").decimalValue()));
        assertEquals(0, new java.math.BigDecimal("0.4000").compareTo(funnel.get(4).get("conversion").decimalValue()));
        assertTrue(funnel.get(3).get("averageHoursFromPrevious").decimalValue().signum() >= 0, funnel::toString);
    }

    @Test
    void oneSignUpSettingsEventsAndAReassignmentWhenARepLeaves() throws Exception {
        Revos.Tenant t = revos.newTenant("lead intake single");
        // settings are validated field by field
        JsonNode bad = revos.send(t.admin(), "PUT", "/leads/intake/settings", Map.of("weights", Map.of("fit", 70,
                "engagement", 40), "mqlScore", 130, "filters", Map.of("allowedCountries", List.of("Germany"),
                        "minEmployees", -1), "routing", Map.of("roles", List.of("WIZARD")), "colour", "blue"),
                Map.of()).expect(400);
        Set<String> fields = new HashSet<>(bad.get("errors").findValuesAsText("field"));
        assertEquals(Set.of("weights", "mqlScore", "filters.allowedCountries[0]", "filters.minEmployees",
                "routing.roles[0]", "colour"), fields, bad::toString);
        assertEquals(403, revos.send(t.member(), "PUT", "/leads/intake/settings", Map.of(), Map.of()).status());
        JsonNode stored = revos.send(t.admin(), "PUT", "/leads/intake/settings", Map.of("mqlScore", 30, "routing",
                Map.of("roles", List.of("AE"))), Map.of()).expect(200);
        assertEquals(30, stored.get("mqlScore").asInt());
        assertEquals(stored, revos.get(t.readOnly(), "/leads/intake/settings").expect(200));

        // a bad sign-up names every bad member
        JsonNode refused = revos.post(t.member(), "/leads/intake", Map.of("email", "not-an-email", "country", "XX",
                "employees", -4, "signals", List.of(Map.of("type", "lower", "count", 0)))).expect(400);
        assertEquals(Set.of("email", "country", "employees", "signals[0].type", "signals[0].count"),
                new HashSet<>(refused.get("errors").findValuesAsText("field")), refused::toString);

        List<String> topics = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            topics.add(exchange.getRequestHeaders().getFirst("X-RevOS-Event"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            revos.post(t.admin(), "/webhooks", Map.of("url", "http://127.0.0.1:" + server.getAddress().getPort()
                    + "/hook", "events", List.of("org/revos/lead/*"))).expect(201);
            String ann = revos.post(t.admin(), "/users", Map.of("name", "Ann", "email", "ann@example.com", "role",
                    "AE", "segment", "MID_MARKET", "capacity", 10)).expect(201).get("id").asText();
            String bob = revos.post(t.admin(), "/users", Map.of("name", "Bob", "email", "bob@example.com", "role",
                    "AE", "segment", "MID_MARKET", "capacity", 1)).expect(201).get("id").asText();

            Revos.Reply created = revos.post(t.member(), "/leads/intake", Map.of("email", "Ada@Acme.example",
                    "company", "Acme", "country", "DE", "employees", 250, "title", "VP Operations", "signals",
                    List.of(Map.of("type", "SEATS_ADDED", "count", 3))));
            JsonNode first = created.expect(201);
            assertTrue(created.header("Location").endsWith("/api/v1/leads/intake/" + first.get("id").asText()));
            assertEquals("ROUTED", first.get("outcome").asText(), first::toString);
            assertEquals("ada@acme.example", first.get("email").asText());
            // fit: country 20 + size band 200+ 40 + title vp 30 = 90; engagement 3 x 10 = 30; 50/50 -> 60
            assertEquals(90.0, first.at("/score/fit").asDouble(), first::toString);
            assertEquals(30.0, first.at("/score/engagement").asDouble(), first::toString);
            assertEquals(60, first.at("/score/value").asInt());
            assertTrue(first.at("/mql/became").asBoolean(), first::toString);
            String firstOwner = first.get("ownerId").asText();
            assertTrue(Set.of(ann, bob).contains(firstOwner));
            assertEquals(first, revos.get(t.readOnly(), "/leads/intake/" + first.get("id").asText()).expect(200));

            JsonNode second = revos.post(t.member(), "/leads/intake", Map.of("email", "bo@initech.example",
                    "country", "US", "employees", 300)).expect(201);
            assertEquals("ROUTED", second.get("outcome").asText(), second::toString);
            assertFalse(firstOwner.equals(second.get("ownerId").asText()), "round robin: the other rep");
            JsonNode again = revos.post(t.member(), "/leads/intake", Map.of("email", "ada@acme.example")).expect(201);
            assertEquals("DIVERTED", again.get("outcome").asText());
            assertEquals("duplicate-email", again.at("/filter/rule").asText());
            assertEquals(first.get("leadId"), again.get("duplicateOf"));
            assertTrue(again.get("leadId").isNull());

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline && !(topics.contains("org/revos/lead/MQL") && topics.stream()
                    .filter("org/revos/lead/ROUTED"::equals).count() >= 2)) {
                Thread.sleep(50);
            }
            assertTrue(topics.contains("org/revos/lead/MQL"), topics::toString);

            // Bob leaves: capacity 0; his lead goes to Ann
            String bobsRecord = firstOwner.equals(bob) ? first.get("id").asText() : second.get("id").asText();
            String bobsLead = firstOwner.equals(bob) ? first.get("leadId").asText() : second.get("leadId").asText();
            revos.patch(t.admin(), "/users/" + bob, Map.of("capacity", 0)).expect(200);
            JsonNode moved = Await.until(() -> revos.get(t.readOnly(), "/leads/intake/" + bobsRecord).expect(200),
                    r -> ann.equals(r.path("ownerId").asText()), Duration.ofSeconds(20));
            assertEquals(ann, moved.get("ownerId").asText(), moved::toString);
            assertTrue(moved.at("/routing/rule").asText().startsWith("reassigned:"), moved::toString);
            assertEquals(ann, revos.get(t.readOnly(), "/leads/" + bobsLead).expect(200).get("ownerId").asText());
        } finally {
            server.stop(0);
        }
        JsonNode list = revos.get(t.readOnly(), "/leads/intake?outcome=DIVERTED").expect(200);
        assertEquals(1, list.get("items").size());
        assertEquals(400, revos.get(t.readOnly(), "/leads/intake?outcome=MAYBE").status());
        assertEquals(404, revos.get(t.readOnly(), "/leads/intake/lin_unknown").status());
    }

    @Test
    void aBatchOverAThousandIsAJobAndSignalsPostedLaterReScoreAndMakeMql() throws InterruptedException {
        Revos.Tenant t = revos.newTenant("lead intake job");
        revos.send(t.admin(), "PUT", "/leads/intake/settings", Map.of("mqlScore", 40, "routing", Map.of("roles",
                List.of("AE"))), Map.of()).expect(200);
        String rep = revos.post(t.admin(), "/users", Map.of("name", "Sam", "email", "sam@example.com", "role", "AE",
                "segment", "SMB", "capacity", 1000)).expect(201).get("id").asText();
        ArrayNode list = Revos.JSON.createArrayNode();
        for (int i = 0; i < 1_200; i++) {
            list.addObject().put("email", "p" + i + "@c" + i + ".example").put("country", "DE").put("employees", 20);
        }
        // more than 1,000: a job, answered at once
        Revos.Reply accepted = revos.post(t.member(), "/leads/intake/batch", Map.of("signUps", list));
        JsonNode job = accepted.expect(202);
        assertEquals("leads.intake", job.get("kind").asText(), job::toString);
        assertTrue(accepted.header("Location").endsWith("/api/v1/jobs/" + job.get("id").asText()));
        JsonNode done = Await.until(() -> revos.get(t.readOnly(), "/jobs/" + job.get("id").asText()).expect(200),
                j -> j.get("status").asText().matches("SUCCEEDED|FAILED"), Duration.ofSeconds(120));
        assertEquals("SUCCEEDED", done.get("status").asText(), done::toString);
        assertEquals(1_200, done.get("total").asInt());
        assertEquals(1_200, done.get("done").asInt());
        JsonNode result = done.get("result");
        assertEquals(1_200, result.get("items").size());
        assertEquals(1_200, result.get("taken").asInt());
        // the rep takes 1,000 (their capacity), the rest are queued; nobody is given more than their capacity
        assertEquals(1_000, result.at("/counts/ROUTED").asInt(), result.get("counts")::toString);
        assertEquals(200, result.at("/counts/QUEUED").asInt(), result.get("counts")::toString);
        for (int i = 0; i < 1_200; i++) {
            JsonNode item = result.get("items").get(i);
            assertEquals(i, item.get("index").asInt());
            assertEquals(i < 1_000 ? "ROUTED" : "QUEUED", item.get("outcome").asText(), item::toString);
        }
        JsonNode firstItem = result.get("items").get(0);
        assertEquals(rep, firstItem.get("ownerId").asText());
        JsonNode record = revos.get(t.readOnly(), "/leads/intake/" + firstItem.get("id").asText()).expect(200);
        assertEquals(firstItem.get("leadId"), record.get("leadId"));
        // fit: country 20 + size band 10+ 10 = 30, no engagement: 15, below the MQL score 40
        assertEquals(15, record.at("/score/value").asInt(), record::toString);
        assertFalse(record.at("/mql/became").asBoolean());

        // async=true: a job even for a few; a bad async or too many sign-ups are named
        JsonNode small = revos.send(t.member(), "POST", "/leads/intake/batch?async=true", Map.of("signUps",
                List.of(Map.of("email", "ann@c0.example"))), Map.of()).expect(202);
        assertEquals("leads.intake", small.get("kind").asText());
        JsonNode badAsync = revos.send(t.member(), "POST", "/leads/intake/batch?async=maybe", Map.of("signUps",
                List.of(Map.of("email", "x@y.example"))), Map.of()).expect(400);
        assertEquals(List.of("async"), badAsync.get("errors").findValuesAsText("field"), badAsync::toString);
        ArrayNode tooMany = Revos.JSON.createArrayNode();
        for (int i = 0; i < 10_001; i++) {
            tooMany.addObject().put("email", "m" + i + "@x.example");
        }
        JsonNode over = revos.post(t.member(), "/leads/intake/batch", Map.of("signUps", tooMany)).expect(400);
        assertEquals(List.of("signUps"), over.get("errors").findValuesAsText("field"), over::toString);

        // signals posted later re-score the lead, decayed by age, explain it, and make it MQL
        String lead = firstItem.get("leadId").asText();
        JsonNode rescored = revos.post(t.member(), "/leads/" + lead + "/signals", Map.of("signals", List.of(
                Map.of("type", "SEATS_ADDED", "count", 4), Map.of("type", "LOGIN", "count", 10, "at", java.time.Instant
                        .now().minus(Duration.ofDays(14)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        .toString())))).expect(200);
        // engagement: 4 seats x 10 = 40, plus 10 logins x 2 = 20 halved by 14 days of age = 10: 50; (30 + 50) / 2
        assertEquals(50.0, rescored.at("/score/engagement").asDouble(), 0.2, rescored::toString);
        assertEquals(40, rescored.at("/score/value").asInt(), rescored::toString);
        assertTrue(rescored.at("/score/explanation").findValuesAsText("rule").contains("signal:SEATS_ADDED"),
                rescored::toString);
        assertTrue(rescored.at("/mql/became").asBoolean(), rescored::toString);
        assertEquals(40, revos.get(t.readOnly(), "/leads/" + lead).expect(200).get("score").asInt());
        assertEquals(rescored, revos.get(t.readOnly(), "/leads/intake/" + firstItem.get("id").asText())
                .expect(200));
        JsonNode badSignals = revos.post(t.member(), "/leads/" + lead + "/signals", Map.of("signals", List.of(
                Map.of("type", "seats", "count", 0)), "extra", 1)).expect(400);
        assertEquals(Set.of("signals[0].type", "signals[0].count", "extra"), new HashSet<>(badSignals.get("errors")
                .findValuesAsText("field")), badSignals::toString);
        assertEquals(404, revos.post(t.member(), "/leads/lead_unknown/signals", Map.of("signals", List.of(
                Map.of("type", "LOGIN")))).status());
        String manual = revos.post(t.member(), "/leads", Map.of("email", "hand@made.example")).expect(201).get("id")
                .asText();
        JsonNode notIntake = revos.post(t.member(), "/leads/" + manual + "/signals", Map.of("signals", List.of(
                Map.of("type", "LOGIN")))).expect(409);
        assertEquals("Not a lead from intake", notIntake.get("title").asText(), notIntake::toString);

        // a lead made by hand is a duplicate for intake too, by e-mail or by its company domain, the rule recorded
        JsonNode sameEmail = revos.post(t.member(), "/leads/intake/batch", Map.of("signUps", List.of(Map.of("email",
                "HAND@made.example")))).expect(200).get("items").get(0);
        assertEquals("duplicate-lead-email", sameEmail.at("/filter/rule").asText(), sameEmail::toString);
        String other = revos.post(t.member(), "/leads", Map.of("email", "zed@other-made.example")).expect(201)
                .get("id").asText();
        JsonNode sameDomain = revos.post(t.member(), "/leads/intake", Map.of("email", "amy@other-made.example"))
                .expect(201);
        assertEquals("duplicate-lead-domain", sameDomain.at("/filter/rule").asText(), sameDomain::toString);
        assertEquals(other, sameDomain.get("duplicateOf").asText());
        assertEquals(manual, sameEmail.get("duplicateOf").asText());
    }

    // ------------------------------------------------------------------ the day and its reference

    private static Map<String, Object> settings() {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("allowedCountries", ALLOWED);
        filters.put("partners", PARTNERS);
        filters.put("minEmployees", 50);
        Map<String, Object> routing = new LinkedHashMap<>();
        routing.put("roles", List.of("AE"));
        routing.put("segments", List.of(Map.of("name", "ENTERPRISE", "minEmployees", 1000), Map.of("name",
                "MID_MARKET", "minEmployees", 200), Map.of("name", "SMB", "minEmployees", 50)));
        routing.put("territories", Map.of("AMER", List.of("US", "CA"), "EMEA", List.of("GB", "DE", "FR"), "APAC",
                List.of("AU")));
        return Map.of("weights", Map.of("fit", 50, "engagement", 50), "mqlScore", MQL_SCORE, "filters", filters,
                "scoring", Map.of("halfLifeDays", 0), "routing", routing);
    }

    private void configureMql(Revos.Tenant t) throws InterruptedException {
        revos.send(RevosProcess.ADMIN_KEY, "PUT", "/admin/tenants/" + t.id() + "/plugins/" + LIFECYCLE,
                Map.of("enabled", true, "config", Map.of("mqlMinimumEmployees", MQL_EMPLOYEES)), Map.of()).expect(200);
        for (int i = 0; i < 200; i++) {
            for (JsonNode pipeline : revos.get(t.readOnly(), "/pipelines").expect(200).get("items")) {
                for (JsonNode stage : pipeline.get("stages")) {
                    if (stage.get("id").asText().equals("MQL") && stage.get("entryCriteria").size() == 1) {
                        return;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the MQL criteria did not apply");
    }

    private Rep rep(Revos.Tenant t, String team, String segment, int capacity, String role) {
        String id = revos.post(t.admin(), "/users", Map.of("name", role + " " + team + " " + segment, "role", role,
                "team", team, "segment", segment, "capacity", capacity)).expect(201).get("id").asText();
        return new Rep(id, segment, team, capacity, 0);
    }

    private static List<SignUp> generate(List<String> customers) {
        Random random = new Random(16);
        List<SignUp> day = new ArrayList<>();
        List<String> companyDomains = new ArrayList<>();
        String[] others = { "ES", "IT", "JP", "NL", "PL", "ZA", "SE", "KR" };
        for (int i = 0; i < SIGN_UPS; i++) {
            double kind = random.nextDouble();
            String email;
            if (kind < 0.03 && !day.isEmpty()) {
                email = day.get(random.nextInt(day.size())).email();
            } else if (kind < 0.05 && !companyDomains.isEmpty()) {
                email = "colleague" + i + "@" + companyDomains.get(random.nextInt(companyDomains.size()));
            } else if (kind < 0.06) {
                email = "buyer" + i + "@" + customers.get(random.nextInt(customers.size()));
            } else if (kind < 0.30) {
                email = "person" + i + "@" + FREE.get(random.nextInt(FREE.size()));
            } else {
                String domain = "c" + i + ".example";
                companyDomains.add(domain);
                email = "lead" + i + "@" + domain;
            }
            double c = random.nextDouble();
            String country = c < 0.25 ? "US" : c < 0.35 ? "GB" : c < 0.45 ? "DE" : c < 0.50 ? "FR" : c < 0.55 ? "CA"
                    : c < 0.60 ? "AU" : c < 0.64 ? "BR" : c < 0.67 ? "MX" : c < 0.70 ? "IN" : c < 0.72 ? null
                            : others[random.nextInt(others.length)];
            double s = random.nextDouble();
            Integer employees = s < 0.05 ? null : s < 0.50 ? 1 + random.nextInt(49) : s < 0.80 ? 50 + random.nextInt(150)
                    : s < 0.92 ? 200 + random.nextInt(800) : 1000 + random.nextInt(19_000);
            String title = TITLES.get(random.nextInt(TITLES.size()));
            Map<String, Integer> signals = new LinkedHashMap<>();
            int n = random.nextInt(4);
            List<String> types = new ArrayList<>(new TreeMap<>(SIGNALS).keySet());
            for (int k = 0; k < n; k++) {
                signals.merge(types.get(random.nextInt(types.size())), 1 + random.nextInt(6), Integer::sum);
            }
            ObjectNode body = Revos.object().put("email", email).put("company", "Company " + i).put("source",
                    "website");
            if (country != null) {
                body.put("country", country);
            }
            if (employees != null) {
                body.put("employees", employees);
            }
            if (title != null) {
                body.put("title", title);
            }
            ArrayNode list = body.putArray("signals");
            signals.forEach((type, count) -> list.addObject().put("type", type).put("count", count));
            day.add(new SignUp(body, email, email.substring(email.indexOf('@') + 1), country, employees, title,
                    signals));
        }
        return day;
    }

    /** The documented rules, applied here one sign-up after another. */
    private static List<Expected> reference(List<SignUp> day, List<Rep> reps, List<String> customers) {
        Set<String> emails = new HashSet<>();
        Set<String> domains = new HashSet<>();
        Map<String, Rep> byId = new HashMap<>();
        reps.forEach(r -> byId.put(r.id, r));
        long seq = 0;
        List<Expected> out = new ArrayList<>();
        for (SignUp s : day) {
            boolean free = FREE.contains(s.domain());
            String rule = null;
            String lane = null;
            if (emails.contains(s.email())) {
                rule = "duplicate-email";
                lane = "duplicate";
            } else if (!free && domains.contains(s.domain())) {
                rule = "duplicate-domain";
                lane = "duplicate";
            } else if (!free && customers.contains(s.domain())) {
                rule = "existing-customer";
                lane = "existing-customer";
            } else if (free) {
                rule = "free-mail";
                lane = "self-serve";
            } else if (s.country() == null || !ALLOWED.contains(s.country())) {
                String partner = s.country() == null ? null : PARTNERS.get(s.country());
                rule = partner != null ? "country-partner" : "country";
                lane = partner != null ? partner : "self-serve";
            } else if (s.employees() == null || s.employees() < 50) {
                rule = "company-size";
                lane = "self-serve";
            }
            emails.add(s.email());
            domains.add(s.domain());
            if (rule != null) {
                out.add(new Expected("DIVERTED", lane, rule, null, false, null));
                continue;
            }
            int fit = 20 + (s.employees() >= 1000 ? 50 : s.employees() >= 200 ? 40 : 25) + titlePoints(s.title());
            int engagement = 0;
            for (Map.Entry<String, Integer> e : s.signals().entrySet()) {
                int[] w = SIGNALS.get(e.getKey());
                engagement += Math.min(w[1], e.getValue() * w[0]);
            }
            int score = (int) Math.round((Math.min(100, fit) * 50 + Math.min(100, engagement) * 50) / 100.0);
            boolean mql = score >= MQL_SCORE && s.employees() >= MQL_EMPLOYEES;
            String segment = s.employees() >= 1000 ? "ENTERPRISE" : s.employees() >= 200 ? "MID_MARKET" : "SMB";
            String team = TERRITORY.get(s.country());
            List<Rep> equals = reps.stream().filter(r -> r.segment.equals(segment) && r.team.equals(team)
                    && r.capacity != 500).toList();
            if (equals.isEmpty()) {
                out.add(new Expected("QUEUED", "unassigned", "no-rep", score, mql, null));
                continue;
            }
            Rep next = equals.stream().filter(r -> r.capacity - r.load > 0)
                    .min(java.util.Comparator.<Rep>comparingLong(r -> r.last).thenComparing(r -> r.id)).orElse(null);
            if (next == null) {
                out.add(new Expected("QUEUED", "unassigned", "no-capacity", score, mql, null));
                continue;
            }
            next.load++;
            next.last = ++seq;
            out.add(new Expected("ROUTED", null, "segment-round-robin", score, mql, next.id));
        }
        return out;
    }

    private static int titlePoints(String title) {
        if (title == null) {
            return 0;
        }
        String lower = title.toLowerCase(Locale.ROOT);
        int best = 0;
        for (Map.Entry<String, Integer> e : TITLE_POINTS.entrySet()) {
            if (Pattern.compile("(^|[^\\p{L}\\p{N}])" + Pattern.quote(e.getKey()) + "($|[^\\p{L}\\p{N}])")
                    .matcher(lower).find()) {
                best = Math.max(best, e.getValue());
            }
        }
        return best;
    }
}
