package org.revos.leads.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.revos.api.security.Caller;
import org.revos.api.spi.Firmographics;
import org.revos.kernel.spi.Violations;
import org.revos.runtime.internal.objects.Catalog;
import org.revos.runtime.internal.objects.ObjectEngine;
import org.revos.runtime.internal.persistence.Database;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.TenantEntity;
import org.revos.runtime.internal.persistence.TestStores;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The lead intake bench: sign-ups enriched (an in-memory provider), filtered, scored, routed and stored (lead through
 * the kernel's object engine, intake record, round-robin state) per second, one sign-up per call as
 * {@code POST /api/v1/leads/intake} does and in batches of 500 as {@code .../batch} does, each next to a plain JDBC
 * insert of the same rows into a table of the lead's columns in the same database and run. Run it with
 * {@code mvn -B -q -o -pl plugins/leads -am -Pbench-leads -DskipTests test}; it prints a Markdown section for
 * docs/benchmarks.md. Options (system properties): {@code bench.signups} (default 5000), {@code bench.seed}.
 */
public final class LeadsBench {

    private static final String T = "ten_bench";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 500;

    private final int signUps = Integer.getInteger("bench.signups", 5_000);
    private final long seed = Long.getLong("bench.seed", 16L);
    private final StringBuilder out = new StringBuilder();

    public static void main(String[] args) throws Exception {
        new LeadsBench().run();
    }

    private void run() throws Exception {
        line("### Lead intake (%,d sign-ups per pass, seed %d) — %s", signUps, seed,
                Instant.now().toString().substring(0, 16) + "Z");
        line("");
        line("Machine: %d cores, Java %s, max heap %d MiB. Embedded Derby on disk, one database for both columns.",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        line("");
        line("| figure | RevOS | baseline (same run) | baseline is |");
        line("|---|---|---|---|");
        Path dir = Files.createTempDirectory("revos-leads-bench");
        Path db = dir.resolve("db");
        Store store = Store.over(Database.embeddedDerby(db), (topic, props) -> { });
        LeadsFixture leads = null;
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
            leads = new LeadsFixture(store);
            leads.provider((tenant, request) -> request.domain().hashCode() % 3 == 0 ? Optional.empty()
                    : Optional.of(new Firmographics(null, "US", 100 + Math.abs(request.domain().hashCode() % 2000),
                            null, null)));
            Caller caller = TestStores.member(T);
            Violations v = new Violations();
            leads.engine.saveSettings(caller, JSON.createObjectNode(), IntakeSettings.parse(JSON.readTree(
                    "{\"filters\": {\"allowedCountries\": [\"US\", \"GB\", \"DE\"], \"minEmployees\": 50},"
                            + " \"routing\": {\"roles\": [\"AE\"]}}"), v));
            for (String segment : List.of("SMB", "MID_MARKET", "ENTERPRISE")) {
                for (int i = 0; i < 5; i++) {
                    ObjectNode user = JSON.createObjectNode().put("name", segment + " " + i).put("role", "AE")
                            .put("segment", segment).put("capacity", 100_000);
                    store.write(T, caller, tx -> ObjectEngine.create(tx, Catalog.USER, user));
                }
            }
            warmUp(leads, caller);
            List<SignUpInput> single = generate(signUps, "s");
            List<SignUpInput> batch = generate(signUps, "b");
            LeadsFixture engine = leads;
            long singleMs = time(() -> single.forEach(s -> engine.engine.intake(caller, List.of(s), true)));
            long batchMs = time(() -> {
                for (int i = 0; i < batch.size(); i += BATCH) {
                    engine.engine.intake(caller, batch.subList(i, Math.min(batch.size(), i + BATCH)), false);
                }
            });
            long jdbcSingle;
            long jdbcBatch;
            try (Connection c = DriverManager.getConnection("jdbc:derby:" + db)) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE BENCH_LEADS (ID VARCHAR(40) PRIMARY KEY, TENANT_ID VARCHAR(40),"
                            + " EMAIL VARCHAR(320), NAME VARCHAR(200), COMPANY VARCHAR(200), COUNTRY VARCHAR(2),"
                            + " EMPLOYEES INTEGER, TITLE VARCHAR(200), SOURCE VARCHAR(100), SCORE INTEGER,"
                            + " OWNERID VARCHAR(40), CREATEDAT BIGINT)");
                }
                jdbcSingle = time(() -> insert(c, generate(signUps, "js"), 1));
                jdbcBatch = time(() -> insert(c, generate(signUps, "jb"), BATCH));
            }
            long routed = store.read(T, em -> em.createQuery("SELECT COUNT(r) FROM LeadIntakeEntity r WHERE"
                    + " r.outcome = 'ROUTED'", Long.class).getSingleResult());
            long all = store.read(T, em -> em.createQuery("SELECT COUNT(r) FROM LeadIntakeEntity r", Long.class)
                    .getSingleResult());
            line("| one sign-up per call (`POST /leads/intake` without HTTP): enrich, filter, score, route, store"
                    + " | %,.0f a second | %,.0f a second | one JDBC insert per row, autocommit |",
                    rate(signUps, singleMs), rate(signUps, jdbcSingle));
            line("| batches of %d (`POST /leads/intake/batch` without HTTP) | %,.0f a second | %,.0f a second |"
                    + " JDBC batch insert, one commit per %d rows |", BATCH, rate(signUps, batchMs),
                    rate(signUps, jdbcBatch), BATCH);
            line("");
            line("Of the %,d sign-ups taken (warm-up included), %,d were routed to a rep; the rest were diverted by"
                    + " the filters or queued. Each RevOS sign-up writes a lead (audited, with its write hooks), an"
                    + " intake record and the rep's round-robin state; one per transaction for a single call, up to"
                    + " %d per transaction in a batch.", all, routed, LeadsEngine.CHUNK);
        } finally {
            if (leads != null) {
                leads.stop();
            }
            store.close();
            try {
                DriverManager.getConnection("jdbc:derby:;shutdown=true");
            } catch (SQLException expected) {
                // Derby answers a shutdown with an exception
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.out.println();
        System.out.println(out);
    }

    private void warmUp(LeadsFixture leads, Caller caller) {
        List<SignUpInput> warm = generate(1_000, "w");
        for (int i = 0; i < warm.size(); i += 100) {
            leads.engine.intake(caller, warm.subList(i, i + 100), false);
        }
    }

    /** Sign-ups with the IT's kind of mix: free mail, small companies, other countries, missing firmographics. */
    private List<SignUpInput> generate(int n, String prefix) {
        SplittableRandom random = new SplittableRandom(seed + prefix.hashCode());
        String[] countries = { "US", "US", "GB", "DE", "FR", "BR", "JP", null };
        List<SignUpInput> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean free = random.nextInt(4) == 0;
            String email = (prefix + i + "@" + (free ? "gmail.com" : prefix + i + ".example")).toLowerCase(
                    Locale.ROOT);
            Integer employees = random.nextInt(10) == 0 ? null : 1 + random.nextInt(3000);
            out.add(new SignUpInput(email, email.substring(email.indexOf('@') + 1), "Person " + i, "Company " + i,
                    countries[random.nextInt(countries.length)], employees, random.nextBoolean() ? "VP Sales"
                            : "Engineer", "bench", List.of(new SignUpInput.SignalInput("LOGIN", 1 + random.nextInt(9),
                                    Instant.now())), Instant.now()));
        }
        return out;
    }

    private static void insert(Connection c, List<SignUpInput> rows, int perCommit) throws SQLException {
        c.setAutoCommit(perCommit == 1);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO BENCH_LEADS VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?)")) {
            int pending = 0;
            for (SignUpInput s : rows) {
                insert.setString(1, org.revos.kernel.spi.Ids.next("lead"));
                insert.setString(2, T);
                insert.setString(3, s.email());
                insert.setString(4, s.name());
                insert.setString(5, s.company());
                insert.setString(6, s.country());
                if (s.employees() == null) {
                    insert.setNull(7, Types.INTEGER);
                } else {
                    insert.setInt(7, s.employees());
                }
                insert.setString(8, s.title());
                insert.setString(9, s.source());
                insert.setInt(10, 50);
                insert.setString(11, null);
                insert.setLong(12, System.currentTimeMillis());
                if (perCommit == 1) {
                    insert.executeUpdate();
                } else {
                    insert.addBatch();
                    if (++pending == perCommit) {
                        insert.executeBatch();
                        c.commit();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                insert.executeBatch();
                c.commit();
            }
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static double rate(int n, long ms) {
        return n * 1000.0 / Math.max(1, ms);
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
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

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
