package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every engine the distribution ships can be removed while the runtime serves: the kernel and every other capability
 * keep answering, the removed capability's paths answer 404 problem JSON, and restoring the shipped engine brings it
 * back with its data. An engine without paths of its own (enrichment) is held to what it does instead. Without the
 * stage engine, leads and deals are still created, without a stage, and a creation naming a stage is refused. Without
 * the integration engine, imports, exports and sync answer 404 while objects are still written.
 */
@ExtendWith(RevosExtension.class)
class EngineRemovalIT {

    private static final String ADMIN = RevosProcess.ADMIN_KEY;
    private static final Duration BOUND = Duration.ofSeconds(30);

    /**
     * An engine, one of its paths ({@code null} when it serves none), how to leave data behind in it (answering the
     * path that reads it back), what is true while it is away and what once it is back; {@code others} are more
     * prefixes of paths it serves.
     */
    private record Engine(String id, String path, DataWriter data, Check away, Check back, List<String> others) {

        Engine(String id, String path, DataWriter data, Check away, Check back) {
            this(id, path, data, away, back, List.of());
        }

        /** @return whether {@code p} is one of the engine's paths */
        boolean serves(String p) {
            return path != null && (p.startsWith(path) || others.stream().anyMatch(p::startsWith));
        }
    }

    @FunctionalInterface
    private interface DataWriter {
        /** @return a path that answers the data once the engine is back */
        String write(Revos revos, Revos.Tenant tenant);
    }

    @FunctionalInterface
    private interface Check {
        /** @param before what {@code readBack} answered before the engine left */
        void check(Revos revos, Revos.Tenant tenant, String readBack, JsonNode before);
    }

    private static final String ENRICHMENT_PLUGIN = "org.revos.integration.enrichment";

    private static final List<Engine> ENGINES = List.of(new Engine("org.revos.adoption", "/adoption/initiatives",
            (revos, t) -> {
                String owner = revos.post(t.admin(), "/users", Map.of("name", "Ana", "email", "ana@example.com", "role", "AE"))
                        .expect(201).get("id").asText();
                String id = revos.post(t.member(), "/adoption/initiatives", Map.of("name", "Log every call",
                        "objectType", "DEAL", "property", "budget", "ownerId", owner)).expect(201).get("id")
                        .asText();
                revos.post(t.member(), "/adoption/items", Map.of("initiativeId", id, "tactic", "DEFINE", "text",
                        "Write the call policy")).expect(201);
                return "/adoption/initiatives/" + id + "/checklist";
            }, (revos, t, readBack, before) -> assertEquals(404, revos.get(t.readOnly(), readBack).status(), readBack),
            (revos, t, readBack, before) -> {
                JsonNode after = poll(revos, t.readOnly(), readBack, 200).body();
                assertEquals(before.get("initiativeId"), after.get("initiativeId"), "its data is back: " + after);
                assertEquals(before.get("tactics"), after.get("tactics"), "its data is back: " + after);
            }),
            new Engine("org.revos.webhooks", "/webhooks", (revos, t) -> {
                String id = revos.post(t.admin(), "/webhooks", Map.of("url", "http://127.0.0.1:9/hooks", "events",
                        List.of("org/revos/deal/*"), "maxAttempts", 2)).expect(201).get("id").asText();
                return "/webhooks/" + id;
            }, (revos, t, readBack, before) -> assertEquals(404, revos.get(t.readOnly(), readBack).status(), readBack),
                    (revos, t, readBack, before) -> assertEquals(before, poll(revos, t.readOnly(), readBack, 200)
                            .body(), "its webhook is back")),
            // no path of its own: away, accounts are still created and not enriched; back, new ones are again
            new Engine("org.revos.enrichment", null, EngineRemovalIT::enrichedAccount,
                    (revos, t, readBack, before) -> {
                        assertEquals(before, revos.get(t.readOnly(), readBack).expect(200), "enriched data stays");
                        String id = revos.post(t.member(), "/accounts", Map.of("name", "Acme away", "domain",
                                "acme.com")).expect(201).get("id").asText();
                        JsonNode away = Await.until(() -> revos.get(t.readOnly(), "/accounts/" + id).expect(200),
                                a -> a.get("enriched").size() > 0, Duration.ofSeconds(3));
                        assertEquals(0, away.get("enriched").size(), "nothing is enriched without the engine");
                    },
                    (revos, t, readBack, before) -> {
                        assertEquals(before, revos.get(t.readOnly(), readBack).expect(200), "enriched data stays");
                        JsonNode back = awaitEnrichedAccount(revos, t, Duration.ofSeconds(30));
                        assertEquals("DE", back.get("country").asText(), back::toString);
                    }),
            // its data: a rule version and an account's ledger line; away, revenue is still recorded
            new Engine("org.revos.credit", "/credit/rules", EngineRemovalIT::creditLedger,
                    (revos, t, readBack, before) -> {
                        assertEquals(404, revos.get(t.readOnly(), readBack).status(), readBack);
                        revos.post(t.member(), "/revenue-events", Map.of("accountId", before.get("accountId")
                                .asText(), "occurredAt", "2026-02-10T00:00:00Z", "kind", "EXPANSION", "arrDelta",
                                500, "dealId", before.get("orange").get(0).get("dealId").asText())).expect(201);
                        assertEquals(0, new java.math.BigDecimal("3500").compareTo(revos.get(t.readOnly(),
                                "/accounts/" + before.get("accountId").asText()).expect(200).get("arr")
                                .decimalValue()), "the event is recorded without the engine");
                    },
                    (revos, t, readBack, before) -> {
                        JsonNode after = poll(revos, t.readOnly(), readBack, 200).body();
                        assertEquals("buckets", after.get("rule").asText(), after::toString);
                        assertTrue(after.get("ruleActive").asBoolean(), after::toString);
                        // the account is recomputed when the engine catches up, which writes its lines again
                        assertEquals(before.get("orange").get(0).get("revenueEventId"), after.get("orange").get(0)
                                .get("revenueEventId"), "its ledger line is back: " + after);
                        JsonNode rules = revos.get(t.readOnly(), "/credit/rules").expect(200);
                        assertEquals(1, rules.get("items").size(), rules::toString);
                        assertEquals("2020-01-01", rules.get("items").get(0).get("effectiveFrom").asText());
                        JsonNode caught = Await.until(() -> revos.get(t.readOnly(), readBack).expect(200),
                                c -> new java.math.BigDecimal(c.get("total").asText()).compareTo(
                                        new java.math.BigDecimal("3500")) == 0, Duration.ofSeconds(30));
                        assertEquals(0, new java.math.BigDecimal("3500").compareTo(caught.get("total")
                                .decimalValue()), "the revenue recorded while the engine was away is credited: "
                                + caught);
                    }),
            // its data: a deal's stage history; away, leads and deals are still created (without a stage)
            new Engine("org.revos.stages", "/pipelines", EngineRemovalIT::movedDeal,
                    (revos, t, readBack, before) -> {
                        assertEquals(404, revos.get(t.readOnly(), readBack).status(), readBack);
                        String deal = readBack.split("/")[2];
                        assertEquals("OPPORTUNITY", revos.get(t.readOnly(), "/deals/" + deal).expect(200)
                                .get("stage").asText(), "the stage it reached stays");
                        String account = revos.get(t.readOnly(), "/deals/" + deal).expect(200).get("accountId")
                                .asText();
                        JsonNode plain = revos.post(t.member(), "/deals", Map.of("accountId", account, "name",
                                "Unstaged")).expect(201);
                        assertTrue(plain.get("stage").isNull(), "created without a stage: " + plain);
                        JsonNode lead = revos.post(t.member(), "/leads", Map.of("email", "away@example.com"))
                                .expect(201);
                        assertTrue(lead.get("stage").isNull(), "created without a stage: " + lead);
                        Revos.Reply named = revos.post(t.member(), "/deals", Map.of("accountId", account, "name",
                                "Staged", "stage", "PROPOSAL"));
                        assertEquals(409, named.status(), named.raw().body());
                        assertEquals("application/problem+json", named.header("Content-Type"));
                        assertTrue(named.raw().body().contains("org.revos.stages"), named.raw().body());
                        assertEquals(404, revos.post(t.member(), "/deals/" + deal + "/transitions", Map.of(
                                "toStage", "PROPOSAL")).status(), "no move without the engine");
                    },
                    (revos, t, readBack, before) -> {
                        assertEquals(before, poll(revos, t.readOnly(), readBack, 200).body(), "its history is back");
                        String deal = readBack.split("/")[2];
                        String account = revos.get(t.readOnly(), "/deals/" + deal).expect(200).get("accountId")
                                .asText();
                        JsonNode placed = revos.post(t.member(), "/deals", Map.of("accountId", account, "name",
                                "Staged again")).expect(201);
                        assertEquals("QUALIFICATION", placed.get("stage").asText(), placed::toString);
                        revos.post(t.member(), "/deals/" + deal + "/transitions", Map.of("toStage", "PROPOSAL"))
                                .expect(200);
                    }, List.of("/loss-reasons", "/properties/usage")),
            // its data: the tenant's KPI settings; away, revenue is still recorded, and counted once it is back
            new Engine("org.revos.kpi", "/kpis", EngineRemovalIT::kpiFigures, EngineRemovalIT::kpisAway,
                    EngineRemovalIT::kpisBack, List.of("/revenue/summary", "/goal-matrix", "/kpi-settings")),
            // its data: the tenant's intake settings and a sign-up's intake record; away, leads are still created
            new Engine("org.revos.leads", "/leads/intake/settings", (revos, t) -> {
                revos.send(t.admin(), "PUT", "/leads/intake/settings", Map.of("mqlScore", 70), Map.of()).expect(200);
                String id = revos.post(t.member(), "/leads/intake", Map.of("email", "ada@intake.example",
                        "country", "DE", "employees", 300)).expect(201).get("id").asText();
                return "/leads/intake/" + id;
            }, (revos, t, readBack, before) -> {
                assertEquals(404, revos.get(t.readOnly(), readBack).status(), readBack);
                int status = revos.post(t.member(), "/leads/intake", Map.of("email", "bo@intake.example")).status();
                assertTrue(status == 404 || status == 405, "no intake without the engine: " + status);
                revos.post(t.member(), "/leads", Map.of("email", "bo@intake.example")).expect(201);
            }, (revos, t, readBack, before) -> {
                assertEquals(before, poll(revos, t.readOnly(), readBack, 200).body(), "its record is back");
                assertEquals(70, revos.get(t.readOnly(), "/leads/intake/settings").expect(200).get("mqlScore")
                        .asInt(), "its settings are back");
            }),
            // its data: an outbound sync definition and the tenant's HubSpot value mappings; away, imports, exports
            // and sync answer 404 while objects are still written
            new Engine("org.revos.integration", "/sync/definitions", EngineRemovalIT::syncAndMappings,
                    EngineRemovalIT::integrationAway, EngineRemovalIT::integrationBack,
                    List.of("/exports", "/imports/mappings/hubspot", "/sync/errors")));

    /** Defines an outbound sync of accounts and the tenant's HubSpot deal types; answers the definition's path. */
    private static String syncAndMappings(Revos revos, Revos.Tenant t) {
        String owner = revos.post(t.admin(), "/users", Map.of("name", "Syd", "email", "syd@example.com", "role",
                "AE")).expect(201).get("id").asText();
        revos.send(t.admin(), "PUT", "/imports/mappings/hubspot", Map.of("dealTypes", Map.of("Upsell",
                "EXPANSION")), Map.of()).expect(200);
        String id = revos.post(t.admin(), "/sync/definitions", Map.of("objectType", "accounts", "source",
                "Warehouse", "direction", "ONE_WAY_OUT", "intervalMinutes", 60, "location", "out/accounts.csv",
                "ownerId", owner)).expect(201).get("id").asText();
        return "/sync/definitions/" + id;
    }

    private static void integrationAway(Revos revos, Revos.Tenant t, String readBack, JsonNode before) {
        assertEquals(404, revos.get(t.readOnly(), readBack).status(), readBack);
        Revos.Reply imported = revos.sendBytes(t.member(), "POST", "/imports?object=accounts",
                "name\nAway\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv");
        assertEquals(404, imported.status(), () -> "no import without the engine: " + imported.raw().body());
        assertEquals("application/problem+json", imported.header("Content-Type"));
        revos.post(t.member(), "/accounts", Map.of("name", "Written while away")).expect(201);
    }

    private static void integrationBack(Revos revos, Revos.Tenant t, String readBack, JsonNode before) {
        JsonNode after = poll(revos, t.readOnly(), readBack, 200).body();
        for (String field : List.of("id", "objectType", "direction", "location", "ownerId")) {
            assertEquals(before.get(field), after.get(field), "its sync definition is back: " + after);
        }
        JsonNode mappings = revos.get(t.readOnly(), "/imports/mappings/hubspot").expect(200);
        assertTrue(mappings.toString().contains("Upsell"), "its mappings are back: " + mappings);
        JsonNode exported = revos.get(t.readOnly(), "/exports").expect(200);
        assertTrue(exported.toString().contains("accounts"), exported::toString);
    }

    private static final String KPI_QUARTER = "2026-Q1";

    /**
     * Sets the tenant's KPI settings, a goal, and records revenue of one account; answers the path of the quarter's
     * revenue summary.
     */
    private static String kpiFigures(Revos revos, Revos.Tenant t) {
        revos.send(t.admin(), "PUT", "/kpi-settings", Map.of("yellowFrom", 0.7), Map.of()).expect(200);
        String account = revos.post(t.member(), "/accounts", Map.of("name", "Counted")).expect(201).get("id")
                .asText();
        revos.post(t.member(), "/revenue-events", Map.of("accountId", account, "occurredAt", "2026-01-10T00:00:00Z",
                "kind", "NEW", "arrDelta", 3000)).expect(201);
        revos.post(t.member(), "/goals", Map.of("kpi", "won_revenue", "period", KPI_QUARTER, "target", 1000))
                .expect(201);
        return "/revenue/summary?period=" + KPI_QUARTER;
    }

    private static void kpisAway(Revos revos, Revos.Tenant t, String readBack, JsonNode before) {
        for (String path : List.of(readBack, "/kpis/won_revenue?period=" + KPI_QUARTER, "/goal-matrix",
                "/kpi-settings", "/goals/" + goalId(revos, t) + "/pacing")) {
            Revos.Reply gone = revos.get(t.admin(), path);
            assertEquals(404, gone.status(), () -> path + " without the KPI engine: " + gone.raw().body());
            assertEquals("application/problem+json", gone.header("Content-Type"), path);
        }
        assertEquals(200, revos.get(t.readOnly(), "/goals/" + goalId(revos, t) + "/revisions").status(),
                "goal revisions are the kernel's");
        String account = counted(revos, t);
        revos.post(t.member(), "/revenue-events", Map.of("accountId", account, "occurredAt", "2026-02-10T00:00:00Z",
                "kind", "EXPANSION", "arrDelta", 500)).expect(201);
    }

    private static void kpisBack(Revos revos, Revos.Tenant t, String readBack, JsonNode before) {
        JsonNode after = poll(revos, t.readOnly(), readBack, 200).body();
        java.math.BigDecimal added = new java.math.BigDecimal("500");
        assertEquals(0, before.get("ending").decimalValue().add(added).compareTo(after.get("ending").decimalValue()),
                "the revenue recorded while the engine was away counts: " + before + " then " + after);
        assertEquals(0, before.get("expansion").decimalValue().add(added).compareTo(after.get("expansion")
                .decimalValue()), "before " + before + ", after " + after);
        assertEquals(0, new java.math.BigDecimal("0.7").compareTo(revos.get(t.admin(), "/kpi-settings").expect(200)
                .get("yellowFrom").decimalValue()), "its settings are back");
        JsonNode pacing = revos.get(t.readOnly(), "/goals/" + goalId(revos, t) + "/pacing?at=2026-02-15T00:00:00Z")
                .expect(200);
        assertEquals("won_revenue", pacing.get("kpi").asText(), pacing::toString);
    }

    /** @return the id of the account {@link #kpiFigures} created */
    private static String counted(Revos revos, Revos.Tenant t) {
        for (JsonNode a : revos.get(t.readOnly(), "/accounts?limit=200").expect(200).get("items")) {
            if (a.get("name").asText().equals("Counted")) {
                return a.get("id").asText();
            }
        }
        throw new AssertionError("no account Counted");
    }

    private static String goalId(Revos revos, Revos.Tenant t) {
        return revos.get(t.readOnly(), "/goals").expect(200).get("items").get(0).get("id").asText();
    }


    /** Creates a deal (placed in the first stage) and moves it on; answers the path of its stage history. */
    private static String movedDeal(Revos revos, Revos.Tenant t) {
        String account = revos.post(t.member(), "/accounts", Map.of("name", "Staged")).expect(201).get("id").asText();
        JsonNode deal = revos.post(t.member(), "/deals", Map.of("accountId", account, "name", "Moved")).expect(201);
        assertEquals("QUALIFICATION", deal.get("stage").asText(), deal::toString);
        String id = deal.get("id").asText();
        revos.post(t.member(), "/deals/" + id + "/transitions", Map.of("toStage", "OPPORTUNITY", "properties",
                Map.of("stakeholders", "CFO", "timeline", "Q3", "budgetRange", "50k"))).expect(200);
        JsonNode history = revos.get(t.readOnly(), "/deals/" + id + "/transitions").expect(200);
        assertEquals(2, history.get("items").size(), history::toString);
        return "/deals/" + id + "/transitions";
    }

    /** Posts a rule version and records a deal's revenue; answers the path of the account's credit, one orange line. */
    private static String creditLedger(Revos revos, Revos.Tenant t) {
        String job = revos.post(t.admin(), "/credit/rules", Map.of("effectiveFrom", "2020-01-01", "threshold", 10000))
                .expect(201).get("recomputeJob").asText();
        JsonNode done = Await.until(() -> revos.get(t.readOnly(), "/jobs/" + job).expect(200),
                j -> j.get("status").asText().matches("SUCCEEDED|FAILED"), Duration.ofSeconds(30));
        assertEquals("SUCCEEDED", done.get("status").asText(), done::toString);
        String rep = revos.post(t.admin(), "/users", Map.of("name", "Cleo", "email", "cleo@example.com", "role",
                "AE")).expect(201).get("id").asText();
        String account = revos.post(t.member(), "/accounts", Map.of("name", "Credited", "ownerId", rep)).expect(201)
                .get("id").asText();
        String deal = revos.post(t.member(), "/deals", Map.of("accountId", account, "ownerId", rep, "name", "Deal",
                "type", "EXPANSION", "arr", 1)).expect(201).get("id").asText();
        revos.post(t.member(), "/revenue-events", Map.of("accountId", account, "occurredAt", "2026-01-10T00:00:00Z",
                "kind", "NEW", "arrDelta", 3000, "dealId", deal)).expect(201);
        JsonNode credit = revos.get(t.readOnly(), "/credit/accounts/" + account).expect(200);
        assertEquals(1, credit.get("orange").size(), credit::toString);
        return "/credit/accounts/" + account;
    }

    /** Points the shipped enrichment plugin at a reference file and waits for an account it enriched. */
    private static String enrichedAccount(Revos revos, Revos.Tenant t) {
        try {
            Path file = revos.process().tenantFiles(t.id()).resolve("firmographics.csv");
            Files.writeString(file, "domain,country,employees,industry\nacme.com,DE,1200,Software\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        revos.send(ADMIN, "PUT", "/admin/tenants/" + t.id() + "/plugins/" + ENRICHMENT_PLUGIN,
                Map.of("enabled", true, "config", Map.of("referenceFile", "firmographics.csv")), Map.of()).expect(200);
        return "/accounts/" + awaitEnrichedAccount(revos, t, BOUND).get("id").asText();
    }

    /** @return an account created with a domain alone once one is enriched within a few seconds of its creation */
    private static JsonNode awaitEnrichedAccount(Revos revos, Revos.Tenant t, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            String id = revos.post(t.member(), "/accounts", Map.of("name", "Acme", "domain", "acme.com"))
                    .expect(201).get("id").asText();
            JsonNode seen = Await.until(() -> revos.get(t.readOnly(), "/accounts/" + id).expect(200),
                    a -> a.get("enriched").has("industry"), Duration.ofSeconds(3));
            if (seen.get("enriched").has("industry")) {
                return seen;
            }
        }
        throw new AssertionError("no account was enriched within " + bound);
    }

    /** One path of every capability and of the kernel, which must answer whatever engine is away. */
    /**
     * Paths of other capabilities that need the engine: while it is away they answer 503 (with Retry-After) rather
     * than a figure computed without it. KPIs need the pipelines the stage engine states to know which stages win.
     */
    private static final Map<String, List<String>> NEED = Map.of("org.revos.stages",
            List.of("/kpis", "/revenue/summary"));

    private static final List<String> EVERY_CAPABILITY = List.of("/accounts", "/users", "/kpis",
            "/kpis/win_rate?period=2026", "/revenue/summary?period=2026", "/pipelines", "/credit/rules",
            "/adoption/initiatives", "/exports?object=accounts&format=hubspot", "/webhooks", "/properties/usage",
            "/audit", "/leads/intake/settings", "/imports/mappings/hubspot", "/sync/definitions", "/sync/errors");

    private final Revos revos;

    EngineRemovalIT(Revos revos) {
        this.revos = revos;
    }

    /** @return the first answer of {@code path} with {@code status}, or the last one after {@link #BOUND} */
    private static Revos.Reply poll(Revos revos, String key, String path, int status) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        Revos.Reply reply = revos.get(key, path);
        while (reply.status() != status && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            reply = revos.get(key, path);
        }
        Revos.Reply last = reply;
        assertEquals(status, last.status(), () -> path + ": " + last.raw().body());
        return last;
    }

    @Test
    void eachEngineLeavesAndComesBackWithItsDataWhileTheOthersServe() {
        Revos.Tenant tenant = revos.newTenant("engine-removal");
        for (Engine engine : ENGINES) {
            String readBack = engine.data().write(revos, tenant);
            JsonNode before = revos.get(tenant.readOnly(), readBack).expect(200);

            Revos.Reply removed = revos.delete(ADMIN, "/admin/plugins/" + engine.id());
            assertEquals(204, removed.status(), () -> "uninstall of " + engine.id() + ": " + removed.raw().body());
            if (engine.path() != null) {
                Revos.Reply gone = poll(revos, tenant.readOnly(), engine.path(), 404);
                assertEquals("application/problem+json", gone.header("Content-Type"), () -> engine.id()
                        + " removed: " + gone.raw().body());
            }
            for (String path : engine.others()) {
                Revos.Reply gone = revos.get(tenant.readOnly(), path);
                assertEquals(404, gone.status(), () -> path + " without " + engine.id() + ": " + gone.raw().body());
                assertEquals("application/problem+json", gone.header("Content-Type"), path);
            }
            for (String path : EVERY_CAPABILITY) {
                if (!engine.serves(path)) {
                    Revos.Reply reply = revos.get(tenant.admin(), path);
                    boolean needsIt = NEED.getOrDefault(engine.id(), List.of()).stream().anyMatch(path::startsWith);
                    assertEquals(needsIt ? 503 : 200, reply.status(), () -> path + " without " + engine.id() + ": "
                            + reply.raw().body());
                    if (needsIt) {
                        assertEquals("application/problem+json", reply.header("Content-Type"), path);
                        assertTrue(reply.header("Retry-After") != null, path + " says when to retry");
                    }
                }
            }
            assertTrue(revos.get(ADMIN, "/admin/plugins").expect(200).get("items").findValuesAsText("id").stream()
                    .noneMatch(engine.id()::equals), engine.id() + " is no longer listed");
            engine.away().check(revos, tenant, readBack, before);

            JsonNode restored = revos.post(ADMIN, "/admin/plugins/" + engine.id() + "/restore", null).expect(201);
            assertEquals("ACTIVE", restored.get("state").asText(), restored::toString);
            engine.back().check(revos, tenant, readBack, before);
        }
    }
}
