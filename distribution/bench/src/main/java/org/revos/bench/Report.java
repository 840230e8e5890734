package org.revos.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders one run's figures as a Markdown section of docs/benchmarks.md. */
public final class Report {

    private Report() {
    }

    public static String section(Figures f) {
        StringBuilder md = new StringBuilder();
        md.append("### Run of ").append(f.date()).append("\n\n");
        md.append("```sh\n").append(f.command()).append("\n```\n\n");
        machine(md, f.machine(), f.uptimeAfter());
        targets(md, f);
        load(md, f);
        startup(md, f);
        hotDeploy(md, f);
        obstacles(md, f);
        return md.toString();
    }

    /** The machine, its load before and after ({@code uptime}) and the Java version, as every section shows them. */
    static void machine(StringBuilder md, MachineFacts m, String uptimeAfter) {
        md.append("Machine: `nproc` = ").append(m.nproc()).append(", ").append(m.cpuModel()).append(", ")
                .append(m.memTotal()).append(" RAM, ").append(m.kernel()).append(".\n");
        md.append("Load (`uptime`) before: `").append(m.uptime()).append("`; after: `").append(uptimeAfter)
                .append("`. Other builds may have shared the machine; compare runs with that in mind.\n\n");
        md.append("```\n$ java -version\n").append(m.javaVersion()).append("\n```\n\n");
    }

    private static void targets(StringBuilder md, Figures f) {
        md.append("| figure | target | measured | met |\n|---|---|---|---|\n");
        Stats.Summary cold = f.coldStartMillis();
        row(md, "cold start to first 200 on `/api/v1/health` (median of " + cold.count() + ", fresh data folder)",
                "≤ 1.0 s", seconds(cold.median()) + " (" + seconds(cold.min()) + "–" + seconds(cold.max()) + ")",
                cold.median() <= Targets.START_MILLIS);
        Stats.Summary warm = f.warmStartMillis();
        row(md, "warm restart on the seeded data folder (median of " + warm.count() + ")", "≤ 1.0 s",
                seconds(warm.median()) + " (" + seconds(warm.min()) + "–" + seconds(warm.max()) + ")",
                warm.median() <= Targets.START_MILLIS);
        Stats.Summary rss = f.idleRssMib();
        row(md, "idle RSS after start + settle (median of " + rss.count() + ")", "≤ 200 MiB",
                mib(rss.median()) + " (" + mib(rss.min()) + "–" + mib(rss.max()) + ")",
                rss.median() <= Targets.IDLE_RSS_MIB);
        if (f.hotDeploy().isPresent()) {
            HotDeploy.Result h = f.hotDeploy().get();
            deployRow(md, "hot deploy: jar moved into the deploy folder → endpoint 200", h.dropMillis());
            deployRow(md, "hot deploy: `POST /api/v1/admin/plugins` → endpoint 200", h.uploadMillis());
        } else {
            md.append("| hot deploy (drop and upload) → endpoint 200 | ≤ 250 ms | not measured: ")
                    .append(f.hotDeployAbsence()).append(" | – |\n");
        }
        row(md, "GET deal by id, req/s RevOS ÷ baseline (same Derby data, " + f.clients() + " clients)", "≥ 0.8",
                String.format(Locale.ROOT, "%.2f (%s ÷ %s req/s)", f.throughputRatio(),
                        rate(f.runtimeLoad().perSecond()), rate(f.baselineLoad().perSecond())),
                f.throughputRatio() >= Targets.THROUGHPUT_RATIO);
        md.append('\n');
    }

    private static void deployRow(StringBuilder md, String name, List<Double> samples) {
        if (samples.isEmpty()) {
            md.append("| ").append(name).append(" | ≤ 250 ms | not measured (see notes below) | – |\n");
            return;
        }
        Stats.Summary s = Stats.summarize(samples);
        row(md, name + " (median of " + s.count() + ")", "≤ 250 ms",
                millis(s.median()) + " (" + millis(s.min()) + "–" + millis(s.max()) + ")",
                s.median() <= Targets.HOT_DEPLOY_MILLIS);
    }

    private static void load(StringBuilder md, Figures f) {
        md.append("Load: ").append(f.deals()).append(" deals created through the REST API, then per server ")
                .append(f.warmup().toSeconds()).append(" s warm-up and ").append(f.window().toSeconds())
                .append(" s measured, ").append(f.clients())
                .append(" closed-loop clients (JDK HttpClient, HTTP/1.1 keep-alive) asking for random ids; the ")
                .append("servers ran one after the other, each on a copy of the same database files.\n\n");
        md.append("| server | req/s | p50 | p99 | max | errors | server CPU per request | load-generator CPU | RSS after load |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        loadRow(md, "RevOS", f.runtimeLoad(), f.runtimeRssAfterLoadMib());
        loadRow(md, "baseline (Jetty + Jersey + JDBC)", f.baselineLoad(), f.baselineRssAfterLoadMib());
        md.append('\n');
        for (var entry : List.of(Map.entry("RevOS", f.runtimeLoad()), Map.entry("baseline", f.baselineLoad()))) {
            if (entry.getValue().firstError() != null) {
                md.append("First error of ").append(entry.getKey()).append(": `")
                        .append(entry.getValue().firstError().replace('`', '\'').replace('\n', ' ')).append("`\n\n");
            }
        }
        Stats.Summary baselineStart = f.baselineStartMillis();
        md.append(String.format(Locale.ROOT,
                "The baseline started on the seeded database in %s (median of %d, %s–%s) and used %s idle.%n%n",
                seconds(baselineStart.median()), baselineStart.count(), seconds(baselineStart.min()),
                seconds(baselineStart.max()), mib(f.baselineIdleRssMib())));
    }

    private static void loadRow(StringBuilder md, String name, LoadGenerator.Result r, double rssMib) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %.2f ms | %.2f ms | %.1f ms | %d | %.3f ms | %.1f CPU-s in %d s | %s |%n",
                name, rate(r.perSecond()), r.p50Millis(), r.p99Millis(), r.maxMillis(), r.errors(),
                r.serverCpuMillisPerRequest(), r.benchCpuSeconds(), r.seconds() > 0 ? (int) r.seconds() : 0,
                mib(rssMib)));
    }

    private static void startup(StringBuilder md, Figures f) {
        StartupProfile.Result p = f.profile();
        md.append("Start-up profile (one extra start with `-Dlaunch.trace=true -Xlog:class+load`, not counted above; ")
                .append("first 200 after ").append(seconds(p.totalMillis())).append("):\n\n");
        md.append("| phase | time |\n|---|---|\n");
        for (StartupProfile.Phase phase : p.phases()) {
            md.append("| ").append(phase.name()).append(" | ").append(millis(phase.millis())).append(" |\n");
        }
        md.append("\nSlowest bundle starts: ");
        List<String> slow = new ArrayList<>();
        for (StartupProfile.BundleStart b : p.slowestBundles()) {
            slow.add("`" + b.bundle() + "` " + millis(b.millis()));
        }
        md.append(String.join(", ", slow)).append(".\n\n");
        md.append("Classes loaded by the first 200: ").append(p.classes()).append(", by source: ");
        List<String> sources = new ArrayList<>();
        p.classesBySource().forEach((source, count) -> sources.add(source + " " + count));
        md.append(String.join(", ", sources)).append(".\n\n");
        md.append("The runtime jar's `launcher.properties`: ");
        List<String> props = new ArrayList<>();
        f.launcherProperties().forEach((k, v) -> props.add("`" + k + "=" + v + "`"));
        md.append(props.isEmpty() ? "(none read)" : String.join(", ", props)).append(".\n\n");
    }

    private static void hotDeploy(StringBuilder md, Figures f) {
        if (f.hotDeploy().isEmpty()) {
            return;
        }
        HotDeploy.Result h = f.hotDeploy().get();
        if (!h.notes().isEmpty()) {
            md.append("Hot-deploy notes:\n\n");
            h.notes().forEach(n -> md.append("- ").append(n).append('\n'));
            md.append('\n');
        }
    }

    /** Sentences drawn from this run's own measurements; the reading of them is in the text above the runs. */
    private static void obstacles(StringBuilder md, Figures f) {
        md.append("What stands in the way, by this run's numbers:\n\n");
        StartupProfile.Result p = f.profile();
        Stats.Summary cold = f.coldStartMillis();
        if (cold.median() > Targets.START_MILLIS) {
            StartupProfile.Phase longest = p.phases().stream()
                    .max((a, b) -> Double.compare(a.millis(), b.millis())).orElse(null);
            md.append(String.format(Locale.ROOT,
                    "- Start: %s against 1.0 s. The longest phase is \"%s\" (%s); %d classes are loaded before the "
                            + "first 200. A warm restart (%s) is %s a cold one. For scale: the baseline, with the same "
                            + "Jetty, Jersey and Derby but no OSGi or JPA, starts on the seeded database in %s.%n",
                    seconds(cold.median()), longest == null ? "?" : longest.name(),
                    longest == null ? "?" : millis(longest.millis()), p.classes(),
                    seconds(f.warmStartMillis().median()),
                    f.warmStartMillis().median() < 0.8 * cold.median() ? "clearly faster than" : "no faster than",
                    seconds(f.baselineStartMillis().median())));
        }
        Stats.Summary rss = f.idleRssMib();
        if (rss.median() > Targets.IDLE_RSS_MIB) {
            md.append(String.format(Locale.ROOT, "- Memory: idle RSS %s against 200 MiB; the baseline idles at %s.%n",
                    mib(rss.median()), mib(f.baselineIdleRssMib())));
        }
        double cpuRatio = f.runtimeLoad().serverCpuMillisPerRequest() / f.baselineLoad().serverCpuMillisPerRequest();
        md.append(String.format(Locale.ROOT,
                "- Throughput: ratio %.2f (target ≥ 0.8). RevOS spends %.3f ms of CPU per request, the baseline "
                        + "%.3f ms (×%.1f); the load generator shares the same %s cores and used %.1f and %.1f "
                        + "CPU-seconds during the two windows.%n",
                f.throughputRatio(), f.runtimeLoad().serverCpuMillisPerRequest(),
                f.baselineLoad().serverCpuMillisPerRequest(), cpuRatio, f.machine().nproc(),
                f.runtimeLoad().benchCpuSeconds(), f.baselineLoad().benchCpuSeconds()));
        f.hotDeploy().ifPresent(h -> {
            if (!h.dropMillis().isEmpty()
                    && Stats.summarize(h.dropMillis()).median() > Targets.HOT_DEPLOY_MILLIS) {
                md.append(String.format(Locale.ROOT,
                        "- Hot deploy: a dropped jar answers after %s (median) against 250 ms; the deploy folder is "
                                + "polled every 250 ms, so on average about 125 ms of that is waiting for the poll.%n",
                        millis(Stats.summarize(h.dropMillis()).median())));
            }
            if (!h.uploadMillis().isEmpty()
                    && Stats.summarize(h.uploadMillis()).median() > Targets.HOT_DEPLOY_MILLIS) {
                md.append(String.format(Locale.ROOT,
                        "- Hot deploy: an uploaded jar answers after %s (median) against 250 ms.%n",
                        millis(Stats.summarize(h.uploadMillis()).median())));
            }
        });
        md.append('\n');
    }

    private static void row(StringBuilder md, String name, String target, String measured, boolean met) {
        md.append("| ").append(name).append(" | ").append(target).append(" | ").append(measured).append(" | ")
                .append(met ? "yes" : "**no**").append(" |\n");
    }

    static String seconds(double millis) {
        return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }

    static String millis(double millis) {
        return String.format(Locale.ROOT, "%.0f ms", millis);
    }

    static String mib(double mib) {
        return String.format(Locale.ROOT, "%.0f MiB", mib);
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.0f", perSecond);
    }
}
