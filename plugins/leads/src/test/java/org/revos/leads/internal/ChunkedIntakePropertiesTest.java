package org.revos.leads.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.revos.api.security.Caller;
import org.revos.kernel.spi.Violations;
import org.revos.runtime.internal.objects.Catalog;
import org.revos.runtime.internal.objects.ObjectEngine;
import org.revos.runtime.internal.persistence.TestStores;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Batches taken in transactions of several sign-ups, with the rep counts kept by intake between requests, against
 * the plain way: the same sign-ups taken one per transaction with the counts read from the store every time.
 * Tenant A takes each call in chunks of {@code chunk}; tenant B, with the same reps and settings, one at a time. Some
 * sign-ups are refused by the kernel (a title longer than a lead's), which rolls a chunk back; between calls,
 * somebody else may give a rep a lead by hand. After every call, A's kept counts equal a recount, no rep holds more
 * than their capacity, and every sign-up of A has the outcome, rep, rule and score its twin in B has.
 */
class ChunkedIntakePropertiesTest {

    private static final String A = "ten_chunked";
    private static final String B = "ten_single";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SEGMENTS = { "SMB", "MID_MARKET" };

    /** One generated sign-up: which person, which company, how big, and whether the kernel will refuse it. */
    record Gen(int person, int company, boolean freeMail, Integer employees, boolean refused, boolean senior) {
    }

    @Property(tries = 12)
    void chunkedBatchesWithKeptCountsMatchOneAtATimeWithRecounts(
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 0, max = 4) Integer> capacities,
            @ForAll("signUps") List<Gen> signUps, @ForAll @IntRange(min = 2, max = 7) int chunk,
            @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 1, max = 12) Integer> calls,
            @ForAll @Size(min = 5, max = 5) List<Boolean> handWrites) {
        TestStores stores = new TestStores();
        LeadsFixture leads = new LeadsFixture(stores.store);
        try {
            Caller a = TestStores.member(A);
            Caller b = TestStores.member(B);
            List<String> repsA = new ArrayList<>();
            List<String> repsB = new ArrayList<>();
            for (String t : List.of(A, B)) {
                stores.tenant(t);
                Caller c = TestStores.member(t);
                String settings = "{\"routing\": {\"roles\": [\"AE\"], \"segments\": [{\"name\": \"MID_MARKET\","
                        + " \"minEmployees\": 200}, {\"name\": \"SMB\", \"minEmployees\": 0}]},"
                        + " \"filters\": {\"minEmployees\": 5}, \"mqlScore\": 30, \"openLeadStages\": [\"RAW\"]}";
                leads.engine.saveSettings(c, node(settings), IntakeSettings.parse(node(settings), new Violations()));
                for (int i = 0; i < capacities.size(); i++) {
                    ObjectNode user = JSON.createObjectNode().put("name", "rep " + i).put("role", "AE")
                            .put("segment", SEGMENTS[i % 2]).put("capacity", capacities.get(i));
                    String id = stores.store.write(t, c, tx -> ObjectEngine.create(tx, Catalog.USER, user))
                            .get("id").asText();
                    (t.equals(A) ? repsA : repsB).add(id);
                }
            }
            int next = 0;
            int refusals = 0;
            for (int call = 0; call < calls.size() && next < signUps.size(); call++) {
                List<SignUpInput> part = new ArrayList<>();
                for (int i = 0; i < calls.get(call) && next < signUps.size(); i++) {
                    part.add(signUp(signUps.get(next++)));
                }
                if (handWrites.get(call)) {
                    int rep = call % capacities.size();
                    handLead(stores, leads, A, a, repsA.get(rep), capacities.get(rep));
                    handLead(stores, leads, B, b, repsB.get(rep), capacities.get(rep));
                }
                leads.engine.chunk = chunk;
                long recounts = leads.engine.recounts.get();
                List<LeadsEngine.Result> chunked = leads.engine.intake(a, part, false);
                if (call > 0 && !handWrites.get(call)) {
                    assertEquals(recounts, leads.engine.recounts.get(), "only intake wrote: its counts are kept");
                }
                refusals += (int) chunked.stream().filter(r -> r.record() == null).count();
                leads.engine.chunk = 1;
                List<LeadsEngine.Result> single = new ArrayList<>();
                for (SignUpInput s : part) {
                    leads.engine.forget(B); // B counts from the store for every sign-up
                    single.addAll(leads.engine.intake(b, List.of(s), false));
                }
                assertEquals(part.size(), chunked.size());
                for (int i = 0; i < part.size(); i++) {
                    assertEquals(view(single.get(i), repsB), view(chunked.get(i), repsA), "sign-up " + i + " of call "
                            + call + " (" + part.get(i).email() + ")");
                }
                IntakeSettings settings = leads.engine.settings(A);
                Map<String, Integer> kept = leads.engine.reps(A, settings).loads();
                Map<String, Integer> recount = stores.store.read(A, em -> Reps.load(em, settings)).loads();
                assertEquals(recount, kept, "the counts intake keeps are the store's");
                for (int i = 0; i < repsA.size(); i++) {
                    assertTrue(recount.get(repsA.get(i)) <= capacities.get(i), "rep " + i + " holds "
                            + recount.get(repsA.get(i)) + " leads, capacity " + capacities.get(i));
                }
            }
            long refusable = signUps.subList(0, next).stream().filter(Gen::refused).count();
            // a duplicate makes no lead, so only the others with a title too long are refused
            assertTrue(refusals <= refusable, refusals + " refused of " + refusable + " with a title too long");
            Statistics.label("refused in a chunk").collect(refusals > 0);
        } finally {
            leads.stop();
            stores.store.close();
        }
    }

    /** What must agree between the two tenants: outcome (or refusal), rep by position, rules, score, duplicate. */
    private static String view(LeadsEngine.Result r, List<String> reps) {
        if (r.record() == null) {
            return "REFUSED " + r.problem().status();
        }
        JsonNode x = r.record();
        String owner = x.get("ownerId").isNull() ? "-" : "rep " + reps.indexOf(x.get("ownerId").asText());
        return x.get("outcome").asText() + " " + owner + " lane=" + x.get("lane").asText() + " filter="
                + x.at("/filter/rule").asText() + " routing=" + x.at("/routing/rule").asText() + " score="
                + x.at("/score/value").asText() + " duplicate=" + !x.get("duplicateOf").isNull() + " mql="
                + x.at("/mql/became").asBoolean();
    }

    /** A lead given to a rep by hand (another writer than intake), only while the rep has room, as a person would. */
    private static void handLead(TestStores stores, LeadsFixture leads, String tenant, Caller caller, String rep,
            int capacity) {
        IntakeSettings settings = leads.engine.settings(tenant);
        int load = stores.store.read(tenant, em -> Reps.load(em, settings)).loads().get(rep);
        if (load < capacity) {
            ObjectNode lead = JSON.createObjectNode().put("email", "hand" + load + "@hand.example").put("ownerId",
                    rep);
            stores.store.write(tenant, caller, tx -> ObjectEngine.create(tx, Catalog.LEAD, lead));
        }
    }

    private static SignUpInput signUp(Gen g) {
        String domain = g.freeMail() ? "gmail.com" : "company" + g.company() + ".example";
        String email = "p" + g.person() + "@" + domain;
        String title = g.refused() ? "x".repeat(300) : g.senior() ? "VP Sales" : "Engineer";
        return new SignUpInput(email, domain, "Person " + g.person(), "Company " + g.company(), "DE",
                g.employees(), title, "test", List.of(), Instant.parse("2026-07-15T10:00:00Z"));
    }

    @Provide
    Arbitrary<List<Gen>> signUps() {
        Arbitrary<Integer> employees = Arbitraries.integers().between(1, 500).injectNull(0.1);
        return Combinators.combine(Arbitraries.integers().between(0, 25), Arbitraries.integers().between(0, 12),
                Arbitraries.of(true, false, false, false, false), employees,
                Arbitraries.of(true, false, false, false, false, false, false, false),
                Arbitraries.of(true, false)).as(Gen::new).list().ofMinSize(1).ofMaxSize(30);
    }

    private static ObjectNode node(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
