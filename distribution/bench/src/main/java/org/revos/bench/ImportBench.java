package org.revos.bench;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The import bench: {@code N} deals imported as one native CSV through {@code POST /api/v1/imports} into a fresh
 * runtime (embedded Derby), the peak heap of the runtime during it, and the export of the same deals; against a
 * baseline in the same run: the same rows inserted by JDBC batches into an embedded Derby table with the same
 * columns and indexes, no validation. Prints a Markdown section for docs/benchmarks.md.
 * <p>
 * {@code java -cp distribution/bench/target/revos-bench.jar org.revos.bench.ImportBench [--rows N] [--heap 512m]}
 */
public final class ImportBench {

    public static void main(String[] args) throws Exception {
        int rows = 20_000;
        String heap = "512m";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[i + 1]);
                case "--heap" -> heap = args[i + 1];
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; use --rows or --heap");
            }
        }
        try (Cleanup cleanup = new Cleanup()) {
            Path root = Bench.projectRoot();
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Path work = cleanup.tempDir("revos-import-bench-");
            Launcher launcher = new Launcher(java, root.resolve("distribution/runtime/target/revos.jar"),
                    Bench.classpath(), "rvs_bench-" + UUID.randomUUID(), cleanup);
            Path csv = work.resolve("deals.csv");
            double baseline = baseline(work.resolve("baseline"), rows);
            double bulk = bulkBaseline(work.resolve("bulk-baseline"), rows);
            String uptimeBefore = MachineFacts.uptimeNow();
            Measured m = measure(launcher, work.resolve("runtime"), csv, rows, heap);
            String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
            System.out.println(String.format("""
                    ### Import run of %s (%,d deals, runtime heap -Xmx%s; uptime before: %s)

                    | figure | RevOS | baseline (same run) | baseline is |
                    |---|---|---|---|
                    | import of %,d deals, native CSV, atomic mode (rows/s) | %,.0f | %,.0f | JDBC batch inserts of the same rows into a Derby table with the same indexes, no validation |
                    | the same, Derby's fastest path (rows/s) | | %,.0f | Derby's bulk import (`SYSCS_IMPORT_TABLE`) of the same rows from a CSV file into that table, empty |
                    | of which the first pass: every row checked, nothing written (rows/s) | %,.0f | | upload included; polled every 250 ms |
                    | of which the second pass: the rows written (rows/s) | %,.0f | | a deal, its stage-history row and its audit entry per row |
                    | peak heap used by the runtime during the import | %,.0f MiB | | the fullest heap before a collection, from the runtime's GC log |
                    | export of the same deals (rows/s) | %,.0f | | |
                    """, date, rows, heap, uptimeBefore, rows, m.importRate(), baseline, bulk, m.validateRate(), m.writeRate(), m.peakHeapMib(),
                    m.exportRate()));
        }
    }

    private record Measured(double importRate, double validateRate, double writeRate, double peakHeapMib,
            double exportRate) {
    }

    private static Measured measure(Launcher launcher, Path home, Path csv, int rows, String heap)
            throws Exception {
        Path gcLog = Files.createDirectories(home).resolve("gc.log");
        List<String> jvm = new java.util.ArrayList<>(List.of("-Xmx" + heap, "-Xlog:gc:file=" + gcLog));
        String jfr = System.getProperty("revos.bench.jfr");
        if (jfr != null) {
            jvm.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
        }
        String extra = System.getProperty("revos.bench.jvm");
        if (extra != null) {
            jvm.addAll(List.of(extra.split(" ")));
        }
        try (RunningServer server = launcher.runtime(home, jvm, false)) {
            RestClient rest = new RestClient(server);
            String key = Seeder.tenantKey(rest, launcher.adminKey(), "Import bench");
            String account = rest.create(key, "/api/v1/accounts", Map.of("name", "Bench account")).get("id").asText();
            try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                out.write("externalId,accountId,name,type,arr,seats\n");
                for (int i = 0; i < rows; i++) {
                    out.write("bench-" + i + "," + account + ",\"Deal " + i + ", imported\",NEW_BUSINESS,"
                            + (1000 + i % 50_000) + ".00," + (1 + i % 90) + "\n");
                }
            }
            HttpClient http = HttpClient.newHttpClient();
            long start = System.nanoTime();
            HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(rest.uri(
                    "/api/v1/imports?object=deals&format=native&mode=atomic"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
            if (accepted.statusCode() != 202) {
                throw new IllegalStateException("import not accepted: " + accepted.statusCode() + " " + accepted.body());
            }
            String job = RestClient.JSON.readTree(accepted.body()).get("id").asText();
            JsonNode state;
            long shown = 0;
            long validated = 0;
            do {
                Thread.sleep(250);
                state = RestClient.JSON.readTree(rest.get(key, "/api/v1/jobs/" + job).body());
                long done = state.path("done").asLong();
                if (validated == 0 && done >= rows) {
                    validated = System.nanoTime(); // the first pass has checked every row; the second writes them
                }
                if (done - shown >= Math.max(rows / 5, 1)) { // total counts both passes: twice the rows
                    shown = done;
                    System.err.printf("import bench: %,d of %,d steps after %.0f s%n", done,
                            state.path("total").asLong(), (System.nanoTime() - start) / 1e9);
                }
            } while (!state.get("status").asText().matches("SUCCEEDED|FAILED"));
            long end = System.nanoTime();
            double importSeconds = (end - start) / 1e9;
            double validateSeconds = ((validated == 0 ? end : validated) - start) / 1e9;
            if (!state.get("status").asText().equals("SUCCEEDED")) {
                throw new IllegalStateException("import failed: " + state);
            }
            double peakMib = peakHeapMib(gcLog);
            long exportStart = System.nanoTime();
            HttpResponse<InputStream> export = http.send(HttpRequest.newBuilder(rest.uri(
                    "/api/v1/exports?object=deals&format=native")).header("Authorization", "Bearer " + key).GET()
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            long lines = 0;
            try (InputStream in = export.body()) {
                byte[] buffer = new byte[65536];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    for (int i = 0; i < n; i++) {
                        lines += buffer[i] == '\n' ? 1 : 0;
                    }
                }
            }
            double exportSeconds = (System.nanoTime() - exportStart) / 1e9;
            if (lines < rows) {
                throw new IllegalStateException("the export has " + lines + " lines for " + rows + " deals");
            }
            return new Measured(rows / importSeconds, rows / validateSeconds, rows / (importSeconds - validateSeconds),
                    peakMib, rows / exportSeconds);
        }
    }

    private static final Pattern GC_LINE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    /**
     * The runtime's peak heap use during the import: the largest occupancy before a collection in its GC log. The
     * heap is never fuller than just before a collection, and reading the log costs the runtime nothing, where
     * polling it with jstat would start a JVM ten times a second on the same two cores.
     */
    static double peakHeapMib(Path gcLog) throws java.io.IOException {
        double peak = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                peak = Math.max(peak, mib(m.group(1), m.group(2)));
            }
        }
        return peak;
    }

    private static double mib(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit) {
            case "K" -> v / 1024;
            case "G" -> v * 1024;
            default -> v;
        };
    }

    /**
     * @return rows per second of Derby's own bulk import ({@code SYSCS_UTIL.SYSCS_IMPORT_TABLE}) of the same deals,
     *         from a CSV file already on disk into an empty table with the same indexes: the fastest way rows get
     *         into Derby, with no JDBC call per row, no validation and no other table written
     */
    private static double bulkBaseline(Path folder, int rows) throws SQLException, java.io.IOException {
        Files.createDirectories(folder);
        Path csv = folder.resolve("deals.csv");
        long now = System.currentTimeMillis();
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            for (int i = 0; i < rows; i++) {
                out.write(String.format("deal_%013d%013d,ten_bench,bench-%d,acc_bench,\"Deal %d, imported\","
                        + "NEW_BUSINESS,%d,%d,%d,%d,1%n", now, i, i, i, (1000 + i % 50_000) * 100L, 1 + i % 90, now,
                        now));
            }
        }
        String url = "jdbc:derby:" + folder.resolve("db").toAbsolutePath() + ";create=true";
        try (Connection c = DriverManager.getConnection(url)) {
            createDealsTable(c);
            c.setAutoCommit(false);
            long start = System.nanoTime();
            try (java.sql.CallableStatement call = c.prepareCall(
                    "CALL SYSCS_UTIL.SYSCS_IMPORT_TABLE(NULL, 'DEALS', ?, NULL, NULL, 'UTF-8', 0)")) {
                call.setString(1, csv.toAbsolutePath().toString());
                call.execute();
            }
            c.commit();
            return rows / ((System.nanoTime() - start) / 1e9);
        } finally {
            shutdownDerby(folder.resolve("db"));
        }
    }

    private static void createDealsTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE DEALS (ID VARCHAR(40) PRIMARY KEY, TENANT_ID VARCHAR(40) NOT NULL, EXTERNALID"
                    + " VARCHAR(200), ACCOUNTID VARCHAR(40), NAME VARCHAR(200), TYPE VARCHAR(20), ARRCENTS BIGINT,"
                    + " SEATS INTEGER, CREATEDAT BIGINT, UPDATEDAT BIGINT, VERSION BIGINT)");
            s.execute("CREATE UNIQUE INDEX UQ_DEALS_EXT ON DEALS (TENANT_ID, EXTERNALID)");
            s.execute("CREATE INDEX IX_DEALS_ACCOUNT ON DEALS (TENANT_ID, ACCOUNTID)");
        }
    }

    /** Closes one database; the engine stays up for the next baseline. */
    private static void shutdownDerby(Path database) {
        try {
            DriverManager.getConnection("jdbc:derby:" + database.toAbsolutePath() + ";shutdown=true");
        } catch (SQLException expected) {
            // Derby answers a shutdown with an exception
        }
    }

    /** @return rows per second of plain JDBC batch inserts of the same deals into embedded Derby */
    private static double baseline(Path folder, int rows) throws SQLException {
        String url = "jdbc:derby:" + folder.toAbsolutePath() + ";create=true";
        try (Connection c = DriverManager.getConnection(url)) {
            createDealsTable(c);
            c.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO DEALS VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, 1)")) {
                for (int i = 0; i < rows; i++) {
                    insert.setString(1, String.format("deal_%013d%013d", System.currentTimeMillis(), i)); // time-ordered, as RevOS's
                    insert.setString(2, "ten_bench");
                    insert.setString(3, "bench-" + i);
                    insert.setString(4, "acc_bench");
                    insert.setString(5, "Deal " + i + ", imported");
                    insert.setString(6, "NEW_BUSINESS");
                    insert.setLong(7, (1000 + i % 50_000) * 100L);
                    insert.setInt(8, 1 + i % 90);
                    insert.setLong(9, System.currentTimeMillis());
                    insert.setLong(10, System.currentTimeMillis());
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
                insert.executeBatch();
                c.commit();
            }
            return rows / ((System.nanoTime() - start) / 1e9);
        } finally {
            shutdownDerby(folder);
        }
    }
}
