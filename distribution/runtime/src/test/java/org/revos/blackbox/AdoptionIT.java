package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.revos.blackbox.plugins.TestJars;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * CREDIT adoption over HTTP: an initiative's checklist turns done tactic by tactic as the tenant really configures
 * and uses RevOS (a property definition that a stage requires, a notifier announcing wins, reminders, trainings,
 * compliant deals); overdue tasks are reminded once; completing all six tactics is celebrated once; a probe
 * contributed by the test plugin appears and disappears with it; tenants see only their own initiatives.
 */
@ExtendWith(RevosExtension.class)
class AdoptionIT {

    private static final String ADMIN = RevosProcess.ADMIN_KEY;
    private static final String JAR = "application/java-archive";

    private final Revos revos;

    AdoptionIT(Revos revos) {
        this.revos = revos;
    }

    @Test
    void theChecklistFollowsTheTenantsRealConfigurationAndData() throws IOException {
        revos.sendBytes(ADMIN, "POST", "/admin/plugins", Files.readAllBytes(TestJars.testPlugin()), JAR);
        try {
            Revos.Tenant t = revos.newTenant("adoption");
            String owner = user(t, "Olga", "EMEA");
            String rep = user(t, "Raj", "EMEA");
            user(t, "Uma", "US");
            JsonNode initiative = revos.post(t.member(), "/adoption/initiatives", Map.of("name", "Decision process on every deal",
                    "goal", "forecasts we can trust", "objectType", "DEAL", "property", "decisionProcess",
                    "ownerId", owner, "trainingTeam", "EMEA", "phases", Map.of("discovery", Map.of("start",
                            "2026-01-05", "end", "2026-01-20", "status", "DONE")))).expect(201);
            assertEquals("DONE", initiative.at("/phases/discovery/status").asText());
            assertEquals("NOT_STARTED", initiative.at("/phases/build/status").asText());
            assertEquals("org/revos/deal/WON", initiative.get("winEvent").asText());
            String id = initiative.get("id").asText();
            String checklist = "/adoption/initiatives/" + id + "/checklist";

            JsonNode empty = revos.get(t.readOnly(), checklist).expect(200);
            assertEquals(6, empty.get("tactics").size());
            assertEquals(0, empty.get("tacticsDone").asInt(), empty.toString());
            assertTrue(tactic(empty, "ENFORCE").get("missing").toString().contains("requiredInStages"),
                    tactic(empty, "ENFORCE").toString());

            revos.post(t.admin(), "/properties", Map.of("objectType", "DEAL", "key", "decisionProcess", "type", "STRING",
                    "requiredInStages", List.of("OPPORTUNITY"), "description", "How the buyer decides",
                    "documentationUrl", "https://wiki.example.com/budget")).expect(201);
            JsonNode usage = StreamSupport.stream(revos.get(t.readOnly(), "/properties/usage").expect(200)
                    .get("items").spliterator(), false).filter(u -> u.get("key").asText().equals("decisionProcess"))
                    .findFirst().orElseThrow();
            assertEquals(List.of("stage:sales/OPPORTUNITY", "initiative:" + id), StreamSupport.stream(
                    usage.get("readBy").spliterator(), false).map(JsonNode::asText).toList(),
                    "the stage requires the property and the initiative inspects it: " + usage);
            JsonNode defined = revos.get(t.readOnly(), checklist).expect(200);
            assertTrue(tactic(defined, "ENFORCE").get("done").asBoolean(), tactic(defined, "ENFORCE").toString());
            assertTrue(tactic(defined, "DEFINE").get("done").asBoolean(), tactic(defined, "DEFINE").toString());
            assertFalse(tactic(defined, "CELEBRATE").get("done").asBoolean());

            revos.send(ADMIN, "PUT", "/admin/tenants/" + t.id() + "/plugins/" + TestJars.PLUGIN_ID,
                    Map.of("enabled", true, "config", Map.of("announce", "org/revos/deal/WON")), Map.of()).expect(200);
            JsonNode celebrated = Await.until(() -> revos.get(t.readOnly(), checklist).expect(200),
                    c -> tactic(c, "CELEBRATE").get("done").asBoolean(), Duration.ofSeconds(10));
            assertTrue(tactic(celebrated, "CELEBRATE").get("done").asBoolean(), celebrated.toString());

            item(t, Map.of("initiativeId", id, "tactic", "REMIND", "kind", "REMINDER", "text", "Fill in the decision process"
                    + " range before Opportunity", "ownerId", owner, "cadence", "WEEKLY"));
            assertTrue(tactic(revos.get(t.readOnly(), checklist).expect(200), "REMIND").get("done").asBoolean());

            item(t, Map.of("initiativeId", id, "tactic", "TRAIN", "kind", "TRAINING", "text", "Decision process training",
                    "userId", owner, "done", true));
            String raj = item(t, Map.of("initiativeId", id, "tactic", "TRAIN", "kind", "TRAINING",
                    "text", "Decision process training", "userId", rep));
            JsonNode half = tactic(revos.get(t.readOnly(), checklist).expect(200), "TRAIN");
            assertFalse(half.get("done").asBoolean());
            assertEquals(0.5, probe(half, "train-completion").get("complianceShare").asDouble(), 1e-9);
            revos.patch(t.member(), "/adoption/items/" + raj, Map.of("done", true)).expect(200);
            revos.get(t.member(), "/hello").expect(200); // the test plugin's own TRAIN probe wants a hello
            assertTrue(tactic(revos.get(t.readOnly(), checklist).expect(200), "TRAIN").get("done").asBoolean());

            String account = revos.post(t.member(), "/accounts", Map.of("name", "Acme")).expect(201).get("id").asText();
            revos.post(t.member(), "/deals", Map.of("accountId", account, "name", "No budget")).expect(201);
            JsonNode noncompliant = tactic(revos.get(t.readOnly(), checklist).expect(200), "INSPECT");
            assertEquals(0.0, probe(noncompliant, "inspect-compliance").get("complianceShare").asDouble(), 1e-9);
            for (int i = 0; i < 9; i++) {
                revos.post(t.member(), "/deals", Map.of("accountId", account, "name", "Deal " + i,
                        "properties", Map.of("decisionProcess", "CFO signs"))).expect(201);
            }
            JsonNode inspected = revos.get(t.readOnly(), checklist).expect(200);
            assertEquals(0.9, probe(tactic(inspected, "INSPECT"), "inspect-compliance").get("complianceShare")
                    .asDouble(), 1e-9, "9 of the 10 deals changed in the last 30 days");
            assertEquals(0.9, inspected.get("complianceShare").asDouble(), 1e-9);

            String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
            String overdue = item(t, Map.of("initiativeId", id, "tactic", "INSPECT", "text", "Review the decision process"
                    + " report with the managers", "ownerId", owner, "due", yesterday));
            assertFalse(tactic(revos.get(t.readOnly(), checklist).expect(200), "INSPECT").get("done").asBoolean(),
                    "an open task keeps its tactic open");
            Await.until(() -> inbox(t), in -> count(in, overdue) > 0, Duration.ofSeconds(10));
            sleep(2_500); // two more reminder rounds
            JsonNode inbox = inbox(t);
            assertEquals(1, count(inbox, overdue), "an overdue task is reminded once: " + inbox);
            JsonNode reminder = find(inbox, overdue);
            assertEquals(owner, reminder.get("target").asText());
            assertTrue(reminder.get("text").asText().contains("overdue since " + yesterday), reminder.toString());
            assertEquals(1, StreamSupport.stream(inbox.get("items").spliterator(), false)
                    .filter(n -> n.at("/data/tactic").asText().equals("REMIND")).count(),
                    "the weekly reminder went out once this week");

            revos.patch(t.member(), "/adoption/items/" + overdue, Map.of("done", true)).expect(200);
            JsonNode done = revos.get(t.readOnly(), checklist).expect(200);
            assertEquals(6, done.get("tacticsDone").asInt(), done.toString());
            assertTrue(done.get("done").asBoolean());
            JsonNode party = Await.until(() -> inbox(t), in -> topics(in).contains("org/revos/adoption/COMPLETED"),
                    Duration.ofSeconds(10));
            sleep(1_500);
            assertEquals(1, topics(inbox(t)).stream().filter("org/revos/adoption/COMPLETED"::equals).count(),
                    "completion is celebrated once: " + party);
            assertTrue(revos.get(t.readOnly(), "/adoption/initiatives/" + id).expect(200).get("celebratedAt")
                    .isTextual());

            revos.delete(ADMIN, "/admin/plugins/" + TestJars.PLUGIN_ID).expect(204);
            JsonNode without = Await.until(() -> revos.get(t.readOnly(), checklist).expect(200),
                    c -> !tactic(c, "TRAIN").get("probes").toString().contains("hello-greeted"), Duration.ofSeconds(10));
            assertFalse(tactic(without, "TRAIN").get("probes").toString().contains("hello-greeted"),
                    "the plugin's probe leaves with it");
            assertFalse(tactic(without, "CELEBRATE").get("done").asBoolean(), "and so does its notifier");
        } finally {
            revos.delete(ADMIN, "/admin/plugins/" + TestJars.PLUGIN_ID);
        }
    }

    @Test
    void initiativesAreValidatedAndIsolatedPerTenant() {
        Revos.Tenant a = revos.newTenant("adoption a");
        Revos.Tenant b = revos.newTenant("adoption b");
        JsonNode bad = revos.post(a.member(), "/adoption/initiatives", Map.of("name", "Bad", "property", "x",
                "documentationUrl", "wiki", "phases", Map.of("launch", Map.of(), "build", Map.of("status", "SOON",
                        "start", "2026-03-01", "end", "2026-02-01")))).expect(400);
        List<String> fields = StreamSupport.stream(bad.get("errors").spliterator(), false)
                .map(e -> e.get("field").asText()).sorted().toList();
        assertEquals(List.of("documentationUrl", "objectType", "phases.build.end", "phases.build.status",
                "phases.launch"), fields, bad.toString());
        assertTrue(revos.get(a.readOnly(), "/adoption/initiatives").expect(200).get("items").isEmpty(),
                "a refused initiative writes nothing");
        String id = revos.post(a.member(), "/adoption/initiatives", Map.of("name", "Win rate up", "kpi", "win_rate"))
                .expect(201).get("id").asText();
        String checklist = "/adoption/initiatives/" + id + "/checklist";
        assertFalse(tactic(revos.get(a.readOnly(), checklist).expect(200), "CELEBRATE").get("done").asBoolean());
        revos.post(a.admin(), "/webhooks", Map.of("url", "https://chat.example.com/hooks/sales", "events",
                List.of("org/revos/deal/*"))).expect(201);
        JsonNode celebrate = tactic(revos.get(a.readOnly(), checklist).expect(200), "CELEBRATE");
        assertTrue(celebrate.get("done").asBoolean(), "a chat webhook for won deals celebrates: " + celebrate);
        assertTrue(celebrate.toString().contains("https://chat.example.com"), celebrate.toString());
        JsonNode training = revos.post(a.member(), "/adoption/items", Map.of("initiativeId", id, "tactic", "TRAIN",
                "kind", "TRAINING", "text", "No user")).expect(400);
        assertEquals("userId", training.get("errors").get(0).get("field").asText());
        revos.get(b.readOnly(), "/adoption/initiatives/" + id).expect(404);
        revos.get(b.readOnly(), "/adoption/initiatives/" + id + "/checklist").expect(404);
        revos.post(b.member(), "/adoption/items", Map.of("initiativeId", id, "tactic", "DEFINE", "text", "Sneak"))
                .expect(400);
        assertTrue(revos.get(b.readOnly(), "/adoption/initiatives").expect(200).get("items").isEmpty());
        assertEquals(1, revos.get(a.readOnly(), "/adoption/initiatives").expect(200).get("items").size());
    }

    private String user(Revos.Tenant t, String name, String team) {
        return revos.post(t.member(), "/users", Map.of("name", name, "role", "AE", "team", team,
                "email", name.toLowerCase() + "@example.com")).expect(201).get("id").asText();
    }

    private String item(Revos.Tenant t, Map<String, Object> body) {
        return revos.post(t.member(), "/adoption/items", body).expect(201).get("id").asText();
    }

    private JsonNode inbox(Revos.Tenant t) {
        return revos.get(t.member(), "/hello/inbox").expect(200);
    }

    private static long count(JsonNode inbox, String itemId) {
        return StreamSupport.stream(inbox.get("items").spliterator(), false)
                .filter(n -> itemId.equals(n.at("/data/itemId").asText())).count();
    }

    private static JsonNode find(JsonNode inbox, String itemId) {
        return StreamSupport.stream(inbox.get("items").spliterator(), false)
                .filter(n -> itemId.equals(n.at("/data/itemId").asText())).findFirst().orElseThrow();
    }

    private static List<String> topics(JsonNode inbox) {
        return StreamSupport.stream(inbox.get("items").spliterator(), false).map(n -> n.get("topic").asText())
                .toList();
    }

    private static JsonNode tactic(JsonNode checklist, String tactic) {
        return StreamSupport.stream(checklist.get("tactics").spliterator(), false)
                .filter(t -> t.get("tactic").asText().equals(tactic)).findFirst().orElseThrow();
    }

    private static JsonNode probe(JsonNode tactic, String probe) {
        return StreamSupport.stream(tactic.get("probes").spliterator(), false)
                .filter(p -> p.get("probe").asText().equals(probe)).findFirst().orElseThrow();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
