package org.revos.kpi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.revos.runtime.internal.json.TestJson.json;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revos.api.model.BowTiePhase;
import org.revos.api.model.ObjectType;
import org.revos.api.model.Pipeline;
import org.revos.api.model.Stage;
import org.revos.api.model.StageCategory;
import org.revos.api.model.Tenant;
import org.revos.api.query.Facts;
import org.revos.api.query.ObjectTable;
import org.revos.api.query.RevenueLog;
import org.revos.api.query.StageLog;
import org.revos.kernel.spi.Problem;
import org.revos.runtime.internal.kpi.ScriptedStages;
import org.revos.runtime.internal.objects.Catalog;
import org.revos.runtime.internal.objects.ObjectEngine;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.TestStores;

/**
 * The projection kept up to date write by write equals a projection read afresh from the store, whatever the writes:
 * objects created and changed, deals moving (back and forth), revenue recorded in the past, users changing team,
 * deletions (which make it read everything again).
 */
class FactsProjectionTest {

    private static final String T = "ten_facts";
    private static final Tenant TENANT = new Tenant(T, T, "USD", ZoneId.of("UTC"));
    private static final List<String> STAGES = List.of("QUALIFICATION", "OPPORTUNITY", "WON", "LOST");
    private static final ScriptedStages.Offered CATALOG = new ScriptedStages.Offered(List.of(new Pipeline("sales", ObjectType.DEAL,
            true, STAGES.stream().map(s -> new Stage(s, s, s.equals("WON") ? StageCategory.WON : s.equals("LOST")
                    ? StageCategory.LOST : StageCategory.OPEN, 0.5, BowTiePhase.SELECTION, List.of(), false))
                    .toList())));

    private final TestStores stores = new TestStores();
    /** The kernel's store; a test of a restart replaces it by a new one over the same database */
    private Store store = stores.store;
    private final FactsProjection projection = Projections.over(store);
    private final List<String> users = new ArrayList<>();
    private final List<String> accounts = new ArrayList<>();
    private final List<String> deals = new ArrayList<>();

    @BeforeEach
    void tenant() {
        stores.tenant(T);
        for (int i = 0; i < 3; i++) {
            user("East");
            account();
        }
        deal();
    }

    @AfterEach
    void close() {
        Projections.close(store, projection);
        store.close();
    }

    @Test
    void manyWritesAppliedOneByOneEqualAFreshRead() {
        Facts first = projection.facts(TENANT, null);
        SplittableRandom random = new SplittableRandom(11);
        for (int step = 0; step < 60; step++) {
            switch (random.nextInt(6)) {
                case 0 -> deal();
                case 1 -> move(deals.get(random.nextInt(deals.size())), STAGES.get(random.nextInt(STAGES.size())));
                case 2 -> revenue(accounts.get(random.nextInt(accounts.size())), random.nextInt(400));
                case 3 -> account();
                case 4 -> patch(Catalog.DEAL, deals.get(random.nextInt(deals.size())), "{'arr': "
                        + (1000 + random.nextInt(9000)) + "}");
                default -> patch(Catalog.USER, users.get(random.nextInt(users.size())), "{'team': '"
                        + (random.nextBoolean() ? "West" : "East") + "'}");
            }
            if (step % 7 == 0) {
                assertSameFacts(fresh(), projection.facts(TENANT, null));
            }
        }
        Facts last = projection.facts(TENANT, null);
        assertNotSame(first, last);
        assertSameFacts(fresh(), last);
        assertSameTeams(fresh(), last);
        assertEquals(1, projection.fullReads(T), "every write was applied to the snapshot, none read everything");
    }

    @Test
    void aWriteThatChangesNoFactKeepsTheSnapshot() {
        Facts before = projection.facts(TENANT, null);
        store.write(T, TestStores.member(T), tx -> ObjectEngine.create(tx, Catalog.CONTACT,
                json("{'name': 'A contact'}")));
        assertSame(before, projection.facts(TENANT, null));
    }

    @Test
    void anUpdateThatLeavesEveryFactKeepsTheSnapshot() {
        Facts before = projection.facts(TENANT, null);
        patch(Catalog.DEAL, deals.get(0), "{'name': 'Renamed'}");
        assertSame(before, projection.facts(TENANT, null));
        patch(Catalog.DEAL, deals.get(0), "{'arr': 4321}");
        Facts after = projection.facts(TENANT, null);
        assertNotSame(before, after);
        assertEquals(432_100, after.objects(ObjectType.DEAL).arrCents(after.objects(ObjectType.DEAL)
                .indexOf(deals.get(0))));
        assertEquals(1, projection.fullReads(T));
    }

    @Test
    void aDeletionReadsEverythingAgain() {
        projection.facts(TENANT, null);
        String extra = deal();
        move(extra, "OPPORTUNITY");
        projection.facts(TENANT, null);
        store.write(T, TestStores.member(T), tx -> {
            ObjectEngine.delete(tx, Catalog.DEAL, extra);
            return null;
        });
        Facts after = projection.facts(TENANT, null);
        assertEquals(-1, after.objects(ObjectType.DEAL).indexOf(extra));
        assertEquals(2, projection.fullReads(T));
        assertSameFacts(fresh(), after);
    }

    @Test
    void aUserWithoutTeamIsInNoTeamAndEveryWriteStillCounts() {
        Facts before = projection.facts(TENANT, null);
        String loner = user(null);
        String deal = store.write(T, TestStores.member(T), tx -> {
            String created = ObjectEngine.create(tx, Catalog.DEAL, json("{'accountId': '" + accounts.get(0)
                    + "', 'name': 'Solo', 'arr': 900, 'ownerId': '" + loner + "'}")).get("id").asText();
            ScriptedStages.enterFirstStage(tx, CATALOG, ObjectType.DEAL, created);
            return created;
        });
        move(deal, "WON");
        Facts after = projection.facts(TENANT, null);
        assertNotSame(before, after);
        assertSameFacts(fresh(), after);
        assertNull(after.teams().teamAt(loner, System.currentTimeMillis()));
        int row = after.objects(ObjectType.DEAL).indexOf(deal);
        assertTrue(row >= 0, "the loner's deal is in the facts");
        assertFalse(after.matching(ObjectType.DEAL, Map.of("team", "East"), Instant.now()).get(row),
                "a deal of a user in no team is in no team's slice");
        patch(Catalog.USER, loner, "{'team': 'West'}");
        patch(Catalog.USER, loner, "{'team': null}");
        assertSameTeams(fresh(), projection.facts(TENANT, null));
    }

    @Test
    void aTeamGivenLaterCountsFromThenOnNotForTheTimeBefore() {
        AtomicLong now = new AtomicLong(1_700_000_000_000L);
        TestStores clocked = new TestStores(now::get);
        FactsProjection timed = Projections.over(clocked.store);
        try {
            clocked.tenant(T);
            String user = clocked.store.write(T, TestStores.member(T), tx -> ObjectEngine.create(tx, Catalog.USER,
                    json("{'name': 'Late', 'role': 'AE'}"))).get("id").asText();
            long created = now.get();
            now.addAndGet(86_400_000L);
            clocked.store.write(T, TestStores.member(T), tx -> ObjectEngine.patch(tx, Catalog.USER, user,
                    json("{'team': 'West'}")));
            Facts facts = timed.facts(TENANT, null);
            assertNull(facts.teams().teamAt(user, created + 1000), "in no team before the team was given");
            assertEquals("West", facts.teams().teamAt(user, now.get()));
        } finally {
            Projections.close(clocked.store, timed);
            clocked.store.close();
        }
    }

    @Test
    void aFailedUpdateFailsTheReadAndIsNeverServedAsCurrent() {
        AtomicBoolean failing = new AtomicBoolean();
        FactsProjection.Loader loader = new FactsProjection.Loader() {
            @Override
            public Facts load(Tenant tenant, Connection connection) throws SQLException {
                check();
                return FactsProjection.Loader.super.load(tenant, connection);
            }

            @Override
            public Facts apply(FactChanges.Drained drained, Facts facts, Tenant tenant, Connection connection)
                    throws SQLException {
                check();
                return FactsProjection.Loader.super.apply(drained, facts, tenant, connection);
            }

            private void check() throws SQLException {
                if (failing.get()) {
                    throw new SQLException("the store is unreachable");
                }
            }
        };
        FactsProjection failable = Projections.over(store, loader);
        try {
            Facts before = failable.facts(TENANT, null);
            String won = deal();
            move(won, "WON");
            failing.set(true);
            Problem refused = assertThrows(Problem.class, () -> failable.facts(TENANT, null));
            assertEquals(503, refused.status());
            assertThrows(Problem.class, () -> failable.facts(TENANT, null), "still failing, still refused");
            failing.set(false);
            Facts after = failable.facts(TENANT, null);
            assertNotSame(before, after);
            assertSameFacts(fresh(), after);
            assertTrue(after.objects(ObjectType.DEAL).indexOf(won) >= 0, "the write made before the failure counts");
        } finally {
            Projections.close(store, failable);
        }
    }

    @Test
    void writesItDidNotHearOfAreReadAgainNotMissed() {
        Facts before = projection.facts(TENANT, null);
        Projections.close(store, projection); // the engine stops hearing the feed, writes go on
        String unheard = deal();
        move(unheard, "WON");
        store.addCommitListener(projection);
        Facts after = projection.facts(TENANT, null);
        assertNotSame(before, after);
        assertTrue(after.objects(ObjectType.DEAL).indexOf(unheard) >= 0, "a write made while it was not listening");
        assertSameFacts(fresh(), after);
        assertEquals(2, projection.fullReads(T), "the gap in the feed's numbers made it read everything again");
        String heard = deal();
        assertTrue(projection.facts(TENANT, null).objects(ObjectType.DEAL).indexOf(heard) >= 0);
        assertEquals(2, projection.fullReads(T), "heard again, write by write");
    }

    @Test
    void aSkippedNumberInTheFeedMakesItReadEverythingAgain() {
        projection.facts(TENANT, null);
        long next = store.commits(T) + 1;
        // a write numbered past one it never heard of: whatever it says, the snapshot cannot be trusted
        projection.committed(T, next + 1, List.of());
        String missed = store.write(T, TestStores.member(T), tx -> ObjectEngine.create(tx, Catalog.USER,
                json("{'name': 'M', 'role': 'AE', 'team': 'North'}"))).get("id").asText();
        Facts after = projection.facts(TENANT, null);
        assertEquals("North", after.teams().teamAt(missed, Long.MAX_VALUE - 1));
        assertSameFacts(fresh(), after);
        assertEquals(2, projection.fullReads(T));
    }

    /**
     * What a calculator memoized in a snapshot is an instance of its plugin's classes; after the plugin is updated,
     * the new revision cannot read it (a ClassCastException in every figure that shares it, found by updating the
     * funnel plugin under load), so a snapshot made under an earlier revision of the calculators is not served.
     */
    @Test
    void aSnapshotIsNotServedWithMemosOfCalculatorsThatLeft() {
        AtomicLong revision = new AtomicLong();
        FactsProjection tracked = Projections.over(store, revision::get, new FactsProjection.Loader() {
        });
        try {
            Facts before = tracked.facts(TENANT, null);
            assertEquals("old", before.derived("cohort", () -> "old"));
            assertSame(before, tracked.facts(TENANT, null), "nothing changed");
            revision.incrementAndGet();
            Facts after = tracked.facts(TENANT, null);
            assertNotSame(before, after);
            assertEquals("new", after.derived("cohort", () -> "new"), "the memo of the old revision is gone");
            assertSameFacts(fresh(), after);
            assertEquals(1, tracked.fullReads(T), "the rows were kept, only the memos dropped");
        } finally {
            Projections.close(store, tracked);
        }
    }

    @Test
    void aNewProjectionReadsWritesMadeBeforeItStarted() {
        String earlier = deal();
        FactsProjection restarted = Projections.over(store);
        try {
            Facts facts = restarted.facts(TENANT, null);
            assertTrue(facts.objects(ObjectType.DEAL).indexOf(earlier) >= 0);
            assertSameFacts(fresh(), facts);
        } finally {
            Projections.close(store, restarted);
        }
    }

    /** A folder for the engine's files, as the runtime's data folder. */
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path data;

    @Test
    void aRestartAfterACleanStopLoadsTheSealedFileAndWritesAfterItAreApplied() throws Exception {
        move(deals.get(0), "OPPORTUNITY");
        revenue(accounts.get(0), 30);
        FactsProjection before = Projections.withFiles(store, data);
        Facts answered = before.facts(TENANT, null);
        assertEquals(1, before.fullReads(T));
        before.deactivate(); // a clean stop writes and seals the file
        Projections.close(store, before);
        assertTrue(java.nio.file.Files.isRegularFile(data.resolve("kpi").resolve(T + ".facts")));
        assertTrue(store.sealOf(T).isPresent());

        // the next run: a new store over the same database (its commit counters start at 0) and a new engine
        store = Store.over(stores.database, (topic, props) -> {
        });
        FactsProjection after = Projections.withFiles(store, data);
        Facts loaded = after.facts(TENANT, null);
        assertEquals(0, after.fullReads(T), "served from the file, not read from the store");
        assertSameFacts(answered, loaded);
        assertSameFacts(fresh(), loaded);
        assertSameTeams(fresh(), loaded);

        String added = deal();
        move(added, "WON");
        revenue(accounts.get(1), 5);
        Facts updated = after.facts(TENANT, null);
        assertSameFacts(fresh(), updated);
        assertEquals(0, after.fullReads(T), "the writes were applied to the loaded snapshot");
        assertTrue(store.sealOf(T).isEmpty(), "the first write cleared the seal");
        after.deactivate();
        Projections.close(store, after);
        assertTrue(store.sealOf(T).isPresent(), "the stop sealed the snapshot with the writes");
        FactsProjection third = Projections.withFiles(store, data);
        assertSameFacts(fresh(), third.facts(TENANT, null));
        assertEquals(0, third.fullReads(T));
        Projections.close(store, third);
    }

    @Test
    void aWriteWhileTheEngineIsAwayMakesItsFileUselessAndTheFiguresIncludeIt() {
        FactsProjection before = Projections.withFiles(store, data);
        before.facts(TENANT, null);
        before.deactivate();
        Projections.close(store, before);
        String written = deal(); // no engine listens: only the kernel's seal knows
        move(written, "WON");

        FactsProjection back = Projections.withFiles(store, data);
        Facts facts = back.facts(TENANT, null);
        assertEquals(1, back.fullReads(T), "the file was not used");
        assertTrue(facts.objects(ObjectType.DEAL).indexOf(written) >= 0);
        assertSameFacts(fresh(), facts);
        assertFalse(java.nio.file.Files.exists(data.resolve("kpi").resolve(T + ".facts")),
                "a file that can never be current again is deleted");
        Projections.close(store, back);
    }

    @Test
    void aDamagedOrForeignFileIsReadFromTheStoreInstead() throws Exception {
        java.nio.file.Path file = data.resolve("kpi").resolve(T + ".facts");
        for (int damage = 0; damage < 3; damage++) {
            FactsProjection before = Projections.withFiles(store, data);
            before.facts(TENANT, null);
            before.deactivate();
            Projections.close(store, before);
            byte[] bytes = java.nio.file.Files.readAllBytes(file);
            switch (damage) {
                case 0 -> bytes[bytes.length / 2] ^= 0x40;
                case 1 -> bytes = java.util.Arrays.copyOf(bytes, bytes.length - 9);
                default -> java.nio.ByteBuffer.wrap(bytes).putInt(8, 99); // another format version
            }
            java.nio.file.Files.write(file, bytes);
            assertTrue(store.sealOf(T).isPresent());
            FactsProjection back = Projections.withFiles(store, data);
            assertSameFacts(fresh(), back.facts(TENANT, null));
            assertEquals(1, back.fullReads(T), "damage " + damage + ": read from the store");
            Projections.close(store, back);
        }
    }

    private Facts fresh() {
        return store.read(T, em -> FactsProjection.jdbc(em, c -> FactsProjection.load(TENANT, c)));
    }

    private String user(String team) {
        String teamField = team == null ? "" : ", 'team': '" + team + "'";
        String id = store.write(T, TestStores.member(T), tx -> ObjectEngine.create(tx, Catalog.USER, json(
                "{'name': 'U', 'role': 'AE', 'segment': 'SMB'" + teamField + "}"))).get("id").asText();
        users.add(id);
        return id;
    }

    private String account() {
        String owner = users.get(accounts.size() % users.size());
        String id = store.write(T, TestStores.member(T), tx -> ObjectEngine.create(tx, Catalog.ACCOUNT, json(
                "{'name': 'A', 'country': 'DE', 'segment': 'SMB', 'ownerId': '" + owner + "'}"))).get("id").asText();
        accounts.add(id);
        return id;
    }

    private String deal() {
        String account = accounts.get(deals.size() % accounts.size());
        String owner = users.get(deals.size() % users.size());
        String id = store.write(T, TestStores.member(T), tx -> {
            String created = ObjectEngine.create(tx, Catalog.DEAL, json("{'accountId': '" + account
                    + "', 'name': 'D', 'arr': 1200, 'ownerId': '" + owner + "'}")).get("id").asText();
            ScriptedStages.enterFirstStage(tx, CATALOG, ObjectType.DEAL, created);
            return created;
        });
        deals.add(id);
        return id;
    }

    private void move(String deal, String stage) {
        store.write(T, TestStores.member(T), tx -> ScriptedStages.transition(tx, TENANT, CATALOG, ObjectType.DEAL, deal,
                json("{'toStage': '" + stage + "'}")));
    }

    private void revenue(String account, int daysAgo) {
        String at = java.time.Instant.now().minus(java.time.Duration.ofDays(daysAgo)).toString();
        store.write(T, TestStores.member(T), tx -> ObjectEngine.create(tx, Catalog.REVENUE_EVENT, json(
                "{'accountId': '" + account + "', 'occurredAt': '" + at + "', 'kind': 'EXPANSION', 'arrDelta': 10}")));
    }

    private void patch(org.revos.kernel.spi.objects.ObjectSchema<?> schema, String id, String body) {
        store.write(T, TestStores.member(T), tx -> ObjectEngine.patch(tx, schema, id, json(body)));
    }

    /** Compares two snapshots by content: rows by id, logs as sequences of (instant, id, what). */
    static void assertSameFacts(Facts expected, Facts actual) {
        for (ObjectType type : List.of(ObjectType.LEAD, ObjectType.DEAL, ObjectType.ACCOUNT)) {
            assertEquals(rows(expected.objects(type)), rows(actual.objects(type)), type + " rows");
        }
        for (ObjectType type : List.of(ObjectType.LEAD, ObjectType.DEAL)) {
            assertEquals(entries(expected, type), entries(actual, type), type + " stage entries");
        }
        assertEquals(revenue(expected), revenue(actual), "revenue");
    }

    private void assertSameTeams(Facts expected, Facts actual) {
        long now = System.currentTimeMillis();
        for (String user : users) {
            for (long at : new long[] { 0, now - 1000, now + 1000 }) {
                assertEquals(expected.teams().teamAt(user, at), actual.teams().teamAt(user, at), user + " at " + at);
            }
        }
    }

    private static TreeMap<String, String> rows(ObjectTable table) {
        TreeMap<String, String> rows = new TreeMap<>();
        for (int i = 0; i < table.size(); i++) {
            StringBuilder row = new StringBuilder().append(table.createdAt(i)).append(' ').append(table.arrCents(i));
            for (String d : new java.util.TreeSet<>(table.dimensions())) {
                row.append(' ').append(d).append('=').append(table.dimension(d, i));
            }
            rows.put(table.id(i), row.toString());
        }
        return rows;
    }

    private static List<String> entries(Facts facts, ObjectType type) {
        StageLog log = facts.stages(type);
        ObjectTable table = facts.objects(type);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            out.add(log.at(i) + " " + table.id(log.object(i)) + " " + log.stageId(log.stage(i)));
        }
        return sortedWithinInstants(out);
    }

    private static List<String> revenue(Facts facts) {
        RevenueLog log = facts.revenue();
        ObjectTable accounts = facts.objects(ObjectType.ACCOUNT);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            out.add(log.at(i) + " " + accounts.id(log.account(i)) + " " + log.kind(i) + " " + log.arrDeltaCents(i)
                    + " " + log.salesClosed(i));
        }
        return sortedWithinInstants(out);
    }

    /** Rows at the same instant may come in any order from the store; the instant leads each line. */
    private static List<String> sortedWithinInstants(List<String> lines) {
        List<String> sorted = new ArrayList<>(lines);
        sorted.sort(java.util.Comparator.comparingLong((String s) -> Long.parseLong(s.substring(0, s.indexOf(' '))))
                .thenComparing(s -> s));
        return sorted;
    }
}
