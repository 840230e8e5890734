package org.revos.bench.kpi;

import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.revos.bench.Cleanup;
import org.revos.bench.Launcher;
import org.revos.bench.MachineFacts;
import org.revos.bench.RestClient;
import org.revos.bench.RunningServer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The KPI bench: generates the tenant ({@link TenantGenerator}), loads it into the runtime's Derby database, and times
 * three requests through RevOS's REST API (the runtime jar in its own process, the same code that serves users): the
 * goal matrix (8 KPIs × 8 quarters, with goals), the revenue summary of a quarter, and {@code won_revenue} of a
 * quarter sliced by one owner. Cold is the first request after a restart (it builds the tenant's projection from
 * Derby); warm is the median of repeated requests. The same computations run as SQL in DuckDB over the same rows in
 * the same run, and every matrix cell, the summary and the slice are compared: the run stops if they differ.
 * <p>
 * Usage: {@code java -jar distribution/kpi-bench/target/revos-kpi-bench.jar [--seed N] [--scale F] [--warm N]
 * [--cold N] [--data DIR]}. {@code --data} keeps the generated runtime folder there and reuses it when the seed and
 * scale match.
 */
public final class KpiBench {

    static final String BUILD = "mvn -B -q -pl distribution/kpi-bench -am package -DskipTests";
    static final String RUN = "java -jar distribution/kpi-bench/target/revos-kpi-bench.jar";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Quarters.Quarter FIRST = new Quarters.Quarter(2024, 1);
    private static final Quarters.Quarter SUMMARY_QUARTER = new Quarters.Quarter(2025, 4);

    private static final java.net.http.HttpClient COLD_CLIENT = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();

    private final Map<String, String> options;
    private final Cleanup cleanup;
    private final List<String> report = new ArrayList<>();
    private final Map<String, long[]> revos = new LinkedHashMap<>();
    private final Map<String, long[]> duck = new LinkedHashMap<>();

    private KpiBench(Map<String, String> options, Cleanup cleanup) {
        this.options = options;
        this.cleanup = cleanup;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int status = 0;
        try (Cleanup cleanup = new Cleanup()) {
            new KpiBench(options, cleanup).run();
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private void run() throws Exception {
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        double scale = Double.parseDouble(options.getOrDefault("scale", "1"));
        int warm = Integer.parseInt(options.getOrDefault("warm", "7"));
        int cold = Integer.parseInt(options.getOrDefault("cold", "3"));
        TenantShape full = TenantShape.benchmark(seed);
        TenantShape shape = new TenantShape(seed, full.users(), (int) (full.accounts() * scale),
                (int) (full.deals() * scale), full.firstDay(), full.years());
        Path root = projectRoot();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String uptimeBefore = MachineFacts.uptimeNow();

        long t0 = System.nanoTime();
        GeneratedTenant tenant = TenantGenerator.generate(shape);
        long generated = millisSince(t0);
        log("generated %,d users, %,d accounts, %,d deals, %,d stage transitions, %,d revenue events in %,d ms",
                tenant.users(), tenant.accounts(), tenant.deals(), tenant.transitions(), tenant.revenueEvents(),
                generated);

        Launcher launcher = new Launcher(java, root.resolve("distribution/runtime/target/revos.jar"), root,
                "rvs_kpi-bench-platform-admin-" + seed, cleanup);
        Path home = options.containsKey("data") ? Path.of(options.get("data")).toAbsolutePath()
                : cleanup.tempDir("revos-kpi-bench");
        Properties loaded = prepare(launcher, home, tenant, seed + "/" + scale);
        String key = loaded.getProperty("key");

        t0 = System.nanoTime();
        try (DuckDbBaseline db = DuckDbBaseline.load(tenant)) {
            long duckLoad = millisSince(t0);
            log("DuckDB loaded in %,d ms", duckLoad);
            int owner = tenant.dealOwner[0];
            baseline(db, warm, owner);
            measureRevos(launcher, home, key, warm, cold, GeneratedTenant.userId(owner), db, owner);
            print(tenant, loaded, generated, duckLoad, uptimeBefore, seed, scale, warm, cold);
        }
    }

    /** Generates the runtime folder (schema, tenant, goals, rows) unless {@code home} already holds this one. */
    private Properties prepare(Launcher launcher, Path home, GeneratedTenant tenant, String identity)
            throws Exception {
        Path marker = home.resolve("kpi-bench.properties");
        Properties p = new Properties();
        if (Files.exists(marker)) {
            try (var in = Files.newBufferedReader(marker)) {
                p.load(in);
            }
            if (identity.equals(p.getProperty("identity"))) {
                log("reusing the loaded runtime folder %s", home);
                return p;
            }
            throw new IllegalStateException(home + " holds another tenant (" + p.getProperty("identity")
                    + "); give an empty folder");
        }
        String key;
        String tenantId;
        try (RunningServer server = launcher.runtime(home, List.of(), false)) {
            RestClient rest = new RestClient(server);
            tenantId = rest.create(launcher.adminKey(), "/api/v1/admin/tenants", Map.of("name", "KPI bench",
                    "timeZone", tenant.shape().zone().getId())).get("id").asText();
            key = rest.create(launcher.adminKey(), "/api/v1/admin/tenants/" + tenantId + "/api-keys",
                    Map.of("name", "kpi-bench", "role", "ADMIN")).get("key").asText();
            goals(rest, key);
        }
        long t0 = System.nanoTime();
        DerbyLoader.load(tenant, tenantId, home.resolve("data/db"));
        long load = millisSince(t0);
        log("loaded into Derby in %,d ms", load);
        p.setProperty("identity", identity);
        p.setProperty("key", key);
        p.setProperty("tenant", tenantId);
        p.setProperty("derbyLoadMillis", Long.toString(load));
        try (var out = Files.newBufferedWriter(marker)) {
            p.store(out, "KPI bench runtime folder");
        }
        return p;
    }

    /** A tenant goal for every KPI of the matrix in every quarter, so each cell has a goal, a delta and a status. */
    private static void goals(RestClient rest, String key) throws Exception {
        for (Quarters.Quarter q : Quarters.from(FIRST, 8)) {
            for (String kpi : KpiFigures.MATRIX) {
                BigDecimal target = switch (kpi) {
                    case "win_rate" -> new BigDecimal("0.35");
                    case "nrr" -> new BigDecimal("1.05");
                    case "avg_deal_size" -> new BigDecimal("30000");
                    case "won_revenue" -> new BigDecimal("700000000");
                    case "recurring_revenue" -> new BigDecimal("6000000000");
                    default -> new BigDecimal("30000");
                };
                rest.create(key, "/api/v1/goals", Map.of("kpi", kpi, "period", q.toString(), "target", target,
                        "scope", Map.of()));
            }
        }
    }

    private void baseline(DuckDbBaseline db, int warm, int owner) throws Exception {
        List<Quarters.Quarter> twelve = Quarters.from(FIRST.previousYear(), 12);
        duck.put("matrix", times(warm + 1, () -> {
            db.funnel(twelve, -1);
            db.bridges(twelve);
        }));
        duck.put("summary", times(warm + 1, () -> db.summary(SUMMARY_QUARTER)));
        duck.put("owner", times(warm + 1, () -> db.funnel(List.of(SUMMARY_QUARTER), owner)));
    }

    private void measureRevos(Launcher launcher, Path home, String key, int warm, int cold, String ownerId,
            DuckDbBaseline db, int owner) throws Exception {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("matrix", "/api/v1/goal-matrix?kpis=" + String.join(",", KpiFigures.MATRIX) + "&periods="
                + String.join(",", Quarters.from(FIRST, 8).stream().map(Object::toString).toList()));
        paths.put("summary", "/api/v1/revenue/summary?period=" + SUMMARY_QUARTER);
        paths.put("owner", "/api/v1/kpis/won_revenue?period=" + SUMMARY_QUARTER + "&ownerId=" + ownerId);
        Map<String, long[]> colds = new LinkedHashMap<>();
        paths.keySet().forEach(k -> colds.put(k, new long[cold]));
        for (int c = 0; c < cold; c++) {
            for (Map.Entry<String, String> e : paths.entrySet()) {
                try (RunningServer server = launcher.runtime(home, List.of(), false)) {
                    RestClient rest = new RestClient(server);
                    long t0 = System.nanoTime();
                    String body = get(rest, key, e.getValue());
                    colds.get(e.getKey())[c] = (System.nanoTime() - t0) / 1_000;
                    log("cold %s: %,d ms", e.getKey(), colds.get(e.getKey())[c] / 1_000);
                    if (c == 0) {
                        check(e.getKey(), JSON.readTree(body), db, owner);
                    }
                }
            }
        }
        try (RunningServer server = launcher.runtime(home, List.of(), false)) {
            RestClient rest = new RestClient(server);
            get(rest, key, paths.get("matrix"));
            int[] writes = { (int) (System.currentTimeMillis() % 1000) };
            for (Map.Entry<String, String> e : paths.entrySet()) {
                for (int i = 0; i < 3; i++) {
                    get(rest, key, e.getValue());
                }
                revos.put(e.getKey(), times(warm, () -> get(rest, key, e.getValue())));
                log("warm %s: %s µs", e.getKey(), Arrays.toString(revos.get(e.getKey())));
                for (boolean backdated : new boolean[] { false, true }) {
                    long[] afterWrite = new long[warm];
                    for (int i = 0; i < warm; i++) {
                        write(rest, key, writes[0]++, backdated);
                        afterWrite[i] = times(1, () -> get(rest, key, e.getValue()))[0];
                    }
                    revos.put(e.getKey() + (backdated ? ".backdated" : ".write"), afterWrite);
                    log("warm after a %swrite %s: %s µs", backdated ? "back-dated " : "", e.getKey(),
                            Arrays.toString(afterWrite));
                }
            }
        }
        colds.forEach((k, v) -> revos.put(k + ".cold", v));
    }

    /**
     * A write that changes the facts but none of the figures compared: a revenue event of one account, either now
     * (after every period asked: past periods' figures stay valid), or back-dated into the first period asked with a
     * zero delta (every period's figures must be computed again, and come out the same).
     */
    private static void write(RestClient rest, String key, int n, boolean backdated) throws Exception {
        Instant at = backdated ? Instant.ofEpochMilli(FIRST.previousYear().start(TenantShape.ZONE)
                + 86_400_000L) : Instant.now();
        rest.create(key, "/api/v1/revenue-events", Map.of("accountId", GeneratedTenant.accountId(n), "occurredAt",
                at.toString(), "kind", backdated ? "RENEWAL" : "EXPANSION", "arrDelta", backdated ? 0 : 1));
    }

    /** Compares RevOS's answer with DuckDB's figures; a difference stops the run. */
    private static void check(String what, JsonNode answer, DuckDbBaseline db, int owner) throws Exception {
        List<Quarters.Quarter> twelve = Quarters.from(FIRST.previousYear(), 12);
        List<String> differences = new ArrayList<>();
        if (what.equals("matrix")) {
            Map<Quarters.Quarter, DuckDbBaseline.Funnel> funnel = db.funnel(twelve, -1);
            Map<Quarters.Quarter, DuckDbBaseline.Bridge> bridges = db.bridges(twelve);
            int cells = 0;
            for (JsonNode row : answer.path("rows")) {
                String kpi = row.path("kpi").asText();
                for (JsonNode cell : row.path("cells")) {
                    Quarters.Quarter q = twelve.stream().filter(x -> x.toString().equals(cell.path("period")
                            .asText())).findFirst().orElseThrow();
                    BigDecimal expected = KpiFigures.value(kpi, funnel.get(q), bridges.get(q));
                    BigDecimal lastYear = KpiFigures.value(kpi, funnel.get(q.previousYear()),
                            bridges.get(q.previousYear()));
                    compare(differences, kpi + " " + q, expected, decimal(cell.path("actual")));
                    compare(differences, kpi + " " + q + " yoyDelta", expected == null || lastYear == null ? null
                            : expected.subtract(lastYear), decimal(cell.path("yoyDelta")));
                    cells++;
                }
            }
            if (cells != 64) {
                differences.add("the matrix has " + cells + " cells, not 64: " + answer);
            }
        } else if (what.equals("summary")) {
            DuckDbBaseline.Bridge b = db.summary(SUMMARY_QUARTER);
            compare(differences, "starting", KpiFigures.money(b.starting()), decimal(answer.path("starting")));
            compare(differences, "ending", KpiFigures.money(b.ending()), decimal(answer.path("ending")));
            compare(differences, "churn", KpiFigures.money(b.churn()), decimal(answer.path("churn")));
            compare(differences, "nrr", KpiFigures.value("nrr", null, b), decimal(answer.path("nrr")));
            compare(differences, "grr", KpiFigures.value("grr", null, b), decimal(answer.path("grr")));
        } else {
            DuckDbBaseline.Funnel f = db.funnel(List.of(SUMMARY_QUARTER), owner).get(SUMMARY_QUARTER);
            compare(differences, "won_revenue by owner", KpiFigures.money(f.wonCents()), decimal(answer.path("value")));
        }
        if (!differences.isEmpty()) {
            throw new IllegalStateException("RevOS and DuckDB differ on " + what + ", the comparison would be"
                    + " meaningless:\n" + String.join("\n", differences));
        }
        log("%s: RevOS and DuckDB agree", what);
    }

    private static void compare(List<String> differences, String what, BigDecimal expected, BigDecimal actual) {
        if (!KpiFigures.same(expected, actual)) {
            differences.add(what + ": DuckDB " + expected + ", RevOS " + actual);
        }
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.decimalValue();
    }

    /** GET with a timeout long enough for a cold read of the whole projection. */
    private static String get(RestClient rest, String key, String path) throws Exception {
        HttpResponse<String> response = COLD_CLIENT.send(java.net.http.HttpRequest.newBuilder(rest.uri(path))
                .header("Authorization", "Bearer " + key).timeout(java.time.Duration.ofMinutes(15)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private interface Work {
        void run() throws Exception;
    }

    private static long[] times(int n, Work work) throws Exception {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            work.run();
            out[i] = (System.nanoTime() - t0) / 1_000;
        }
        return out;
    }

    private void print(GeneratedTenant t, Properties loaded, long generated, long duckLoad, String uptimeBefore,
            long seed, double scale, int warm, int cold) {
        String command = BUILD + " && " + RUN + (seed != 42 ? " --seed " + seed : "")
                + (scale != 1 ? " --scale " + scale : "");
        List<String> out = report;
        out.add("#### Run of " + Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC");
        out.add("");
        out.add("```sh\n" + command + "\n```");
        out.add("");
        out.add(String.format("Tenant (seed %d): %,d users, %,d accounts, %,d deals, %,d stage transitions, %,d revenue"
                + " events, %,d team memberships. Generated in %,d ms; loaded into Derby in %,d ms (JDBC batches);"
                + " into DuckDB in %,d ms (appender).", seed, t.users(), t.accounts(), t.deals(), t.transitions(),
                t.revenueEvents(), t.memberships(), generated, Long.parseLong(loaded.getProperty("derbyLoadMillis")),
                duckLoad));
        out.add("");
        out.add("Load (`uptime`) before: `" + uptimeBefore + "`; after: `" + MachineFacts.uptimeNow() + "`.");
        out.add("");
        out.add(String.format("| computation | RevOS warm: read after a back-dated write, all recomputed (median of"
                + " %d) | RevOS ÷ DuckDB | RevOS warm: read after a write now (median of %d) | RevOS warm: repeated"
                + " (median of %d) | DuckDB warm (median of %d) | RevOS cold (median of %d) | DuckDB first run |",
                warm, warm, warm, warm, cold));
        out.add("|---|---|---|---|---|---|---|---|");
        row(out, "goal matrix, 8 KPIs × 8 quarters (+ the 4 earlier quarters for YoY)", "matrix");
        row(out, "revenue summary, " + SUMMARY_QUARTER, "summary");
        row(out, "`won_revenue` " + SUMMARY_QUARTER + " sliced by one owner", "owner");
        out.add("");
        out.add("RevOS, through HTTP on 127.0.0.1 to the runtime jar in its own process: *read after a write* is a"
                + " request right after a write (untimed) of a revenue event on one account: *back-dated* into the"
                + " first period with a zero delta, so every figure is computed again (and comes out the same), or"
                + " *now*, after every period asked, so past periods' figures are kept from the previous snapshot; *repeated* asks again with nothing written, answered from"
                + " the snapshot's memo of past periods; *cold* is the first request after a restart (the runtime"
                + " stopped with SIGTERM): the KPI engine loads the tenant's sealed snapshot file, or reads the whole"
                + " projection from Derby when there is none or it is not current (the first round). DuckDB:"
                + " in-memory, same rows, JDBC in the bench's JVM; its first run is its cold figure. Every matrix cell"
                + " (actual and YoY delta), the summary and the slice were checked equal before timing was kept.");
        System.out.println(String.join("\n", out));
    }

    private void row(List<String> out, String label, String key) {
        double repeated = median(revos.get(key)) / 1000.0;
        double afterWrite = median(revos.get(key + ".write")) / 1000.0;
        double backdated = median(revos.get(key + ".backdated")) / 1000.0;
        long[] d = Arrays.copyOfRange(duck.get(key), 1, duck.get(key).length);
        double dm = median(d) / 1000.0;
        out.add(String.format("| %s | %.1f ms | %.2f | %.1f ms | %.1f ms | %.1f ms | %,.0f ms | %.1f ms |", label,
                backdated, backdated / dm, afterWrite, repeated, dm, median(revos.get(key + ".cold")) / 1000.0,
                duck.get(key)[0] / 1000.0));
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static Path projectRoot() throws URISyntaxException {
        Path start = Path.of(KpiBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("distribution/runtime/revos.bndrun"))) {
                return p;
            }
        }
        return Path.of("").toAbsolutePath();
    }

    private static void log(String format, Object... args) {
        System.err.println("kpi-bench: " + String.format(format, args));
    }
}
