package org.revos.credit.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

import org.revos.api.spi.AccountCredit;
import org.revos.api.spi.CreditInput;
import org.revos.credit.buckets.internal.BucketRule;
import org.revos.runtime.internal.json.Json;
import org.revos.runtime.internal.objects.Catalog;
import org.revos.runtime.internal.objects.ObjectEngine;
import org.revos.runtime.internal.persistence.Database;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.TenantEntity;
import org.revos.runtime.internal.persistence.TestStores;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The credit bench: a full recompute of 1M revenue events over 200k accounts and the incremental update per revenue
 * event, each next to a baseline taken in the same run. Run it with
 * {@code mvn -B -q -pl core-bundle/runtime -am -Pbench-credit -DskipTests test}; it prints a Markdown section for
 * docs/benchmarks.md. Options (system properties): {@code bench.accounts}, {@code bench.events}, {@code bench.seed},
 * {@code bench.samples}.
 */
public final class CreditBench {

    private static final String T = "ten_bench";
    private static final String SETTINGS = "{\"threshold\": 10000, \"segmentThresholds\": {\"ENTERPRISE\": 25000}}";

    private final int accounts = Integer.getInteger("bench.accounts", 200_000);
    private final int events = Integer.getInteger("bench.events", 1_000_000);
    private final long seed = Long.getLong("bench.seed", 42L);
    private final int samples = Integer.getInteger("bench.samples", 1_000);
    private final StringBuilder out = new StringBuilder();

    public static void main(String[] args) throws Exception {
        new CreditBench().run();
    }

    private void run() throws Exception {
        List<CreditInput> inputs = Generator.inputs(accounts, events, seed, versions());
        line("### Credit (%,d revenue events over %,d accounts, seed %d) — %s", events, accounts, seed,
                Instant.now().toString().substring(0, 16) + "Z");
        line("");
        line("Machine: %d cores, Java %s, max heap %d MiB.", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        line("");
        line("| figure | RevOS | baseline (same run) | baseline is |");
        line("|---|---|---|---|");
        inMemory(inputs);
        inDerby(inputs);
        System.out.println();
        System.out.println(out);
    }

    private static List<CreditInput.Version> versions() {
        try {
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> settings = Json.MAPPER.readValue(SETTINGS, java.util.Map.class);
            return List.of(new CreditInput.Version("v1", Instant.parse("2020-01-01T00:00:00Z"), settings));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rule alone over every account's history, against a loop that only sums the same events. */
    private void inMemory(List<CreditInput> inputs) {
        BucketRule rule = new BucketRule();
        long[] sink = new long[1];
        long rules = median(7, () -> {
            for (CreditInput input : inputs) {
                AccountCredit c = rule.credit(input);
                sink[0] += c.lines().size();
            }
            return sink[0];
        });
        long sums = median(7, () -> {
            for (CreditInput input : inputs) {
                long total = 0;
                for (CreditInput.Event e : input.history()) {
                    total += e.arrDeltaCents();
                }
                sink[0] += total;
            }
            return sink[0];
        });
        line("| replay of every account by the bucket rule, in memory (median of 7) | %,d ms | %,d ms | a loop summing"
                + " each account's deltas |", rules, sums);
    }

    private void inDerby(List<CreditInput> inputs) throws Exception {
        Path dir = Files.createTempDirectory("revos-credit-bench");
        Path db = dir.resolve("db");
        Store store = Store.over(Database.embeddedDerby(db), (topic, props) -> { });
        CreditFixture credit = null;
        try {
            store.write(T, null, tx -> {
                TenantEntity t = new TenantEntity();
                t.id = T;
                t.name = "bench";
                t.currency = "USD";
                t.timeZone = "UTC";
                t.createdAt = tx.now();
                tx.em().persist(t);
                return null;
            });
            long loadStart = System.nanoTime();
            try (Connection c = DriverManager.getConnection("jdbc:derby:" + db)) {
                load(c, inputs);
            }
            System.err.printf("loaded in %,d ms%n", (System.nanoTime() - loadStart) / 1_000_000);
            credit = new CreditFixture(store);
            credit.version(T, "2020-01-01", SETTINGS, true);
            RuleSetup setup = credit.setup(T);
            CreditFixture engine = credit;
            long cold = time(() -> new Recompute(engine.engine, engine.engines, T, setup).run(new CreditFixture.Counting()));
            long warm = time(() -> new Recompute(engine.engine, engine.engines, T, setup).run(new CreditFixture.Counting()));
            long scan;
            try (Connection c = DriverManager.getConnection("jdbc:derby:" + db)) {
                scan = time(() -> scan(c));
            }
            line("| full recompute, empty ledger: read, replay, write every line (Derby) | %,d ms | %,d ms | one JDBC"
                    + " read of every event in account order |", cold, scan);
            line("| full recompute, ledger unchanged: read, replay, compare (Derby) | %,d ms | %,d ms | the same"
                    + " read |", warm, scan);
            incremental(store, credit, inputs);
        } finally {
            if (credit != null) {
                credit.stop();
            }
            store.close();
            try {
                DriverManager.getConnection("jdbc:derby:;shutdown=true");
            } catch (SQLException expected) {
                // Derby answers a shutdown with an exception
            }
            deleteTree(dir);
        }
    }

    /** Per revenue event: the write the REST API does, then the credit update of its account. */
    private void incremental(Store store, CreditFixture credit, List<CreditInput> inputs) {
        SplittableRandom random = new SplittableRandom(seed + 1);
        long[] writes = new long[samples];
        long[] updates = new long[samples];
        for (int i = 0; i < samples + 200; i++) {
            CreditInput input = inputs.get(random.nextInt(inputs.size()));
            ObjectNode body = Json.MAPPER.createObjectNode().put("accountId", input.account().id())
                    .put("occurredAt", "2026-06-01T00:00:00Z").put("kind", "EXPANSION")
                    .put("arrDelta", 100 + random.nextInt(900));
            long w = time(() -> store.write(T, TestStores.member(T),
                    tx -> ObjectEngine.create(tx, Catalog.REVENUE_EVENT, body)));
            long u = time(() -> {
                credit.engine.drain(T, true);
                return null;
            });
            if (i >= 200) { // the first 200 warm up
                writes[i - 200] = w;
                updates[i - 200] = u;
            }
        }
        line("| incremental credit update per revenue event, p50 / p99 (%,d events) | %s / %s ms | %s / %s ms |"
                + " the event's own write (validation, account ARR, audit) |", samples, String.valueOf(percentile(updates, 50)),
                String.valueOf(percentile(updates, 99)), String.valueOf(percentile(writes, 50)), String.valueOf(percentile(writes, 99)));
    }

    private static void load(Connection c, List<CreditInput> inputs) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement account = c.prepareStatement("INSERT INTO ACCOUNTS (ID, TENANT_ID, CREATEDAT,"
                + " UPDATEDAT, VERSION, NAME, SEGMENT, OWNERID, ARRCENTS, SEATS) VALUES (?, ?, 0, 0, 1, ?, ?, ?, ?, 0)");
                PreparedStatement event = c.prepareStatement("INSERT INTO REVENUE_EVENTS (ID, TENANT_ID, CREATEDAT,"
                        + " UPDATEDAT, VERSION, ACCOUNTID, OCCURREDAT, KIND, ARRDELTACENTS, SEATSDELTA, DEALID,"
                        + " DEALOWNERID) VALUES (?, ?, 0, 0, 1, ?, ?, ?, ?, 0, ?, ?)")) {
            int rows = 0;
            for (CreditInput input : inputs) {
                long total = 0;
                for (CreditInput.Event e : input.history()) {
                    total += e.arrDeltaCents();
                    event.setString(1, e.revenueEventId());
                    event.setString(2, T);
                    event.setString(3, input.account().id());
                    event.setLong(4, e.occurredAt().toEpochMilli());
                    event.setString(5, e.arrDeltaCents() >= 0 ? "EXPANSION" : "CONTRACTION");
                    event.setLong(6, e.arrDeltaCents());
                    event.setString(7, e.dealId());
                    event.setString(8, e.repId());
                    event.addBatch();
                    if (++rows % 5_000 == 0) {
                        event.executeBatch();
                        c.commit();
                    }
                }
                account.setString(1, input.account().id());
                account.setString(2, T);
                account.setString(3, input.account().id());
                account.setString(4, input.account().segment());
                account.setString(5, input.account().ownerId());
                account.setLong(6, total);
                account.addBatch();
                if (++rows % 5_000 == 0) {
                    account.executeBatch();
                    event.executeBatch();
                    c.commit();
                }
            }
            account.executeBatch();
            event.executeBatch();
            c.commit();
        }
    }

    private static long scan(Connection c) throws SQLException {
        long n = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT ACCOUNTID, ID, OCCURREDAT, ARRDELTACENTS, SEATSDELTA,"
                + " DEALID, DEALOWNERID FROM REVENUE_EVENTS WHERE TENANT_ID = ? ORDER BY ACCOUNTID, OCCURREDAT, ID")) {
            s.setString(1, T);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    n += r.getLong(4) + r.getString(1).length();
                }
            }
        }
        return n;
    }

    @FunctionalInterface
    private interface Work {
        Object run() throws Exception;
    }

    private static long time(Work work) {
        long start = System.nanoTime();
        try {
            work.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Runs {@code work} {@code runs} times after two warm-ups; the median in ms. */
    private static long median(int runs, LongSupplier work) {
        work.getAsLong();
        work.getAsLong();
        long[] ms = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.getAsLong();
            ms[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }

    private static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
    }

    private void line(String format, Object... args) {
        out.append(String.format(format, args)).append('\n');
        System.err.println(String.format(format, args));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Reproducible accounts and revenue histories. */
    static final class Generator {

        private Generator() {
        }

        static List<CreditInput> inputs(int accounts, int events, long seed, List<CreditInput.Version> versions) {
            SplittableRandom random = new SplittableRandom(seed);
            String[] reps = new String[60];
            for (int i = 0; i < reps.length; i++) {
                reps[i] = "usr_rep" + i;
            }
            List<CreditInput> out = new ArrayList<>(accounts);
            int left = events;
            long start2023 = Instant.parse("2023-01-01T00:00:00Z").toEpochMilli();
            for (int a = 0; a < accounts; a++) {
                int remainingAccounts = accounts - a;
                int n = a == accounts - 1 ? left : Math.max(1, Math.min(left - (remainingAccounts - 1),
                        1 + random.nextInt(Math.max(1, 2 * left / remainingAccounts - 1))));
                left -= n;
                int roll = random.nextInt(100);
                String segment = roll < 70 ? "SMB" : roll < 95 ? "MID_MARKET" : "ENTERPRISE";
                String id = String.format("acc_%08d", a);
                List<CreditInput.Event> history = new ArrayList<>(n);
                long at = start2023 + random.nextLong(3L * 365 * 86_400_000L);
                long total = 0;
                for (int e = 0; e < n; e++) {
                    String rep = reps[random.nextInt(reps.length)];
                    int kind = random.nextInt(100);
                    long delta;
                    boolean sales;
                    if (e == 0) {
                        sales = kind >= 40;
                        delta = (sales ? 2_000 : 500) * 100L + random.nextInt(400_000);
                    } else if (kind < 70 || total < 20_000) {
                        sales = true;
                        delta = 50_000L + random.nextInt(750_000);
                    } else if (kind < 85) {
                        sales = false;
                        delta = 10_000L + random.nextInt(190_000);
                    } else {
                        sales = false;
                        delta = -(10_000L + random.nextInt((int) Math.min(total - 10_000, 290_000)));
                    }
                    total += delta;
                    history.add(new CreditInput.Event(String.format("rev_%s_%02d", id, e), Instant.ofEpochMilli(at),
                            delta, 0, sales ? "deal_" + id + "_" + e : null, sales ? rep : null));
                    at += (10 + random.nextInt(110)) * 86_400_000L;
                }
                out.add(new CreditInput(new CreditInput.Account(id, segment, reps[random.nextInt(reps.length)]),
                        history, versions));
            }
            return out;
        }
    }
}
