package org.revos.bench;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The bench command: measures RevOS's start-up, idle memory, hot deploy and GET-by-id throughput against a plain
 * Jetty + Jersey + JDBC baseline in one run, and stage transitions against deal PATCHes (alone with
 * {@code --only transitions}), prints the figures as Markdown and updates docs/benchmarks.md.
 * Everything it starts listens on 127.0.0.1 and is stopped, and every folder it creates is deleted, when it ends.
 */
public final class Bench {

    static final String BUILD = "mvn -B -q -pl distribution/bench -am package -DskipTests";
    static final String RUN = "java -jar distribution/bench/target/revos-bench.jar";
    private static final int COMPARED_DEALS = 20;

    private final BenchOptions options;
    private final List<String> args;
    private final Cleanup cleanup;
    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");

    private Bench(BenchOptions options, List<String> args, Cleanup cleanup) {
        this.options = options;
        this.args = args;
        this.cleanup = cleanup;
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n\n" + BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        int status = 0;
        try (Cleanup cleanup = new Cleanup()) {
            Path root = projectRoot();
            Bench bench = new Bench(options, List.of(args), cleanup);
            Setup setup = bench.setup(root);
            String runSection = options.onlyTransitions() ? null : Report.section(bench.run(setup));
            String transitions = bench.transitions(setup);
            System.out.println(runSection == null ? transitions : runSection + "\n" + transitions);
            if (options.writeDoc()) {
                Path doc = options.doc().orElse(root.resolve("docs/benchmarks.md"));
                Files.createDirectories(doc.toAbsolutePath().getParent());
                String text = Files.exists(doc) ? Files.readString(doc) : null;
                if (runSection != null) {
                    text = BenchmarksDoc.update(text, runSection);
                }
                Files.writeString(doc, BenchmarksDoc.updateTransitions(text, transitions));
                System.err.println("bench: wrote " + doc);
            }
        } catch (Exception e) {
            System.err.println("bench: failed: " + e);
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    /** What every measurement of one run shares. */
    private record Setup(String date, MachineFacts machine, Path work, Launcher launcher, LoadGenerator load) {
    }

    private Setup setup(Path root) throws IOException {
        Path runtimeJar = options.runtimeJar().orElse(root.resolve("distribution/runtime/target/revos.jar"))
                .toAbsolutePath();
        if (!Files.isRegularFile(runtimeJar)) {
            throw new IllegalStateException(runtimeJar + " does not exist; build it first: " + BUILD);
        }
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        MachineFacts machine = MachineFacts.collect(java);
        log("machine: nproc " + machine.nproc() + "; " + machine.uptime());
        Path work = cleanup.tempDir("revos-bench-");
        Launcher launcher = new Launcher(java, runtimeJar, classpath(), "rvs_bench-" + UUID.randomUUID(), cleanup);
        LoadGenerator load = new LoadGenerator(options.clients(), options.warmup(), options.window(),
                machine.ticksPerSecond());
        return new Setup(date, machine, work, launcher, load);
    }

    /** @return the stage-transitions section: transitions and PATCHes per second on a RevOS of their own */
    private String transitions(Setup setup) throws Exception {
        Path home = setup.work().resolve("transitions");
        TransitionBench.Result result = new TransitionBench(setup.load(), options.clients())
                .measure(setup.launcher(), home);
        Cleanup.deleteTree(home);
        log(String.format("transitions: %s req/s, PATCH: %s req/s", Report.rate(result.transitions().perSecond()),
                Report.rate(result.patch().perSecond())));
        return TransitionReport.section(setup.date(), command(), setup.machine(), MachineFacts.uptimeNow(),
                options.clients(), options.warmup(), options.window(), result);
    }

    private Figures run(Setup setup) throws Exception {
        String date = setup.date();
        MachineFacts machine = setup.machine();
        Path work = setup.work();
        Launcher launcher = setup.launcher();
        Path runtimeJar = launcher.runtimeJar();

        List<Double> coldMillis = new ArrayList<>();
        List<Double> idleRssMib = new ArrayList<>();
        for (int i = 1; i <= options.coldStarts(); i++) {
            Path home = work.resolve("cold-" + i);
            try (RunningServer server = launcher.runtime(home, List.of(), false)) {
                coldMillis.add(server.process().startNanos() / 1e6);
                Thread.sleep(options.settle().toMillis());
                idleRssMib.add(rssMib(server));
            }
            Cleanup.deleteTree(home);
            log(String.format("cold start %d/%d: %s, idle RSS %s", i, options.coldStarts(),
                    Report.seconds(coldMillis.get(i - 1)), Report.mib(idleRssMib.get(i - 1))));
        }

        StartupProfile.Result profile = StartupProfile.measure(launcher, work.resolve("profile"));
        Cleanup.deleteTree(work.resolve("profile"));
        log("profiled start: " + Report.seconds(profile.totalMillis()) + ", " + profile.classes() + " classes");

        Path seededHome = work.resolve("seeded");
        Seeder.Seeded seeded;
        try (RunningServer server = launcher.runtime(seededHome, List.of(), false)) {
            seeded = Seeder.seed(new RestClient(server), launcher.adminKey(), options.deals());
        }
        log("seeded " + seeded.dealIds().size() + " deals");
        Path baselineHome = work.resolve("baseline");
        copyTree(seededHome.resolve("data/db"), baselineHome.resolve("db"));

        LoadGenerator load = setup.load();
        List<Double> warmMillis = new ArrayList<>();
        RunningServer runtime = null;
        for (int i = 1; i <= options.warmStarts(); i++) {
            runtime = launcher.runtime(seededHome, List.of(), false);
            warmMillis.add(runtime.process().startNanos() / 1e6);
            log(String.format("warm restart %d/%d: %s", i, options.warmStarts(), Report.seconds(warmMillis.get(i - 1))));
            if (i < options.warmStarts()) {
                runtime.close();
            }
        }
        Map<String, JsonNode> revosDeals;
        LoadGenerator.Result runtimeLoad;
        double runtimeRssAfterLoad;
        try (RunningServer server = runtime) {
            revosDeals = deals(new RestClient(server), seeded);
            runtimeLoad = load.run(server, seeded.tenantKey(), seeded.dealIds());
            runtimeRssAfterLoad = rssMib(server);
        }
        log(String.format("RevOS: %s req/s, p99 %.2f ms, %d errors", Report.rate(runtimeLoad.perSecond()),
                runtimeLoad.p99Millis(), runtimeLoad.errors()));

        List<Double> baselineStartMillis = new ArrayList<>();
        RunningServer baseline = null;
        for (int i = 1; i <= options.warmStarts(); i++) {
            baseline = launcher.baseline(baselineHome, baselineHome.resolve("db"));
            baselineStartMillis.add(baseline.process().startNanos() / 1e6);
            if (i < options.warmStarts()) {
                baseline.close();
            }
        }
        log("baseline starts: " + baselineStartMillis.stream().map(Report::seconds).toList());
        double baselineIdleRss;
        LoadGenerator.Result baselineLoad;
        double baselineRssAfterLoad;
        try (RunningServer server = baseline) {
            Thread.sleep(options.settle().toMillis());
            baselineIdleRss = rssMib(server);
            requireSameJson(revosDeals, deals(new RestClient(server), seeded));
            baselineLoad = load.run(server, seeded.tenantKey(), seeded.dealIds());
            baselineRssAfterLoad = rssMib(server);
        }
        log(String.format("baseline: %s req/s, p99 %.2f ms, %d errors", Report.rate(baselineLoad.perSecond()),
                baselineLoad.p99Millis(), baselineLoad.errors()));

        Optional<HotDeploy.Result> hotDeploy = Optional.empty();
        String absence = "";
        if (options.measuresHotDeploy()) {
            Path jar = options.pluginJar().get().toAbsolutePath();
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("--plugin-jar " + jar + " is not a file");
            }
            hotDeploy = Optional.of(new HotDeploy(jar, options.pluginPath().get(), options.deploys(),
                    options.uploadContentType()).measure(launcher, work.resolve("hot-deploy")));
            log("hot deploy: drops " + hotDeploy.get().dropMillis() + ", uploads " + hotDeploy.get().uploadMillis());
        } else {
            absence = "no `--plugin-jar`/`--plugin-path` given";
            log("hot deploy skipped: " + absence.replace("`", "") + " (e.g. --plugin-jar distribution/test-plugin/target/"
                    + "<plugin>.jar --plugin-path /api/v1/hello)");
        }

        return new Figures(date, command(), machine, MachineFacts.uptimeNow(), RuntimeJar.launcherProperties(runtimeJar),
                Stats.summarize(coldMillis), Stats.summarize(warmMillis), Stats.summarize(idleRssMib),
                Stats.summarize(baselineStartMillis),
                baselineIdleRss, profile, options.deals(), options.clients(), options.warmup(), options.window(),
                runtimeLoad, baselineLoad, runtimeRssAfterLoad, baselineRssAfterLoad, hotDeploy, absence);
    }

    /** @return the first deals as the server renders them, to check that both servers answer alike */
    private static Map<String, JsonNode> deals(RestClient rest, Seeder.Seeded seeded) throws Exception {
        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        for (String id : seeded.dealIds().subList(0, Math.min(COMPARED_DEALS, seeded.dealIds().size()))) {
            var answer = rest.get(seeded.tenantKey(), "/api/v1/deals/" + id);
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("GET /api/v1/deals/" + id + " answered " + answer.statusCode() + ": "
                        + answer.body());
            }
            bodies.put(id, RestClient.JSON.readTree(answer.body()));
        }
        return bodies;
    }

    private static void requireSameJson(Map<String, JsonNode> revos, Map<String, JsonNode> baseline) {
        for (Map.Entry<String, JsonNode> deal : revos.entrySet()) {
            JsonNode other = baseline.get(deal.getKey());
            if (!deal.getValue().equals(other)) {
                throw new IllegalStateException("The baseline renders deal " + deal.getKey()
                        + " differently, so it is no fair comparison:\nRevOS:    " + deal.getValue()
                        + "\nbaseline: " + other);
            }
        }
    }

    private static double rssMib(RunningServer server) throws IOException {
        return ProcStatus.rssKib(server.process().pid()) / 1024.0;
    }

    private String command() {
        return BUILD + " && " + RUN + (args.isEmpty() ? "" : " " + String.join(" ", args));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    /** @return this JVM's class path with absolute entries, for starting the baseline in another folder */
    static Path classpath() {
        return Path.of(Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator)));
    }

    /** @return the checkout this bench was built in: the folder above it that holds distribution/runtime */
    static Path projectRoot() throws URISyntaxException {
        Path start = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("distribution/runtime/revos.bndrun"))) {
                return p;
            }
        }
        return Path.of("").toAbsolutePath();
    }

    private static void log(String message) {
        System.err.println("bench: " + message);
    }
}
