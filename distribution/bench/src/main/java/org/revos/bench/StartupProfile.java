package org.revos.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the runtime's start-up time goes: one extra start, not counted in the start-up figures, with the bnd
 * launcher's trace ({@code -Dlaunch.trace=true}) time-stamped line by line and class loading logged
 * ({@code -Xlog:class+load}).
 */
public final class StartupProfile {

    /** A stretch of the start, from the previous milestone to this one. */
    public record Phase(String name, double millis) {
    }

    /** How long one bundle's start took (its activator and what runs synchronously in it). */
    public record BundleStart(String bundle, double millis) {
    }

    public record Result(double totalMillis, List<Phase> phases, List<BundleStart> slowestBundles, int classes,
            Map<String, Integer> classesBySource) {
    }

    private static final Pattern SOURCE = Pattern.compile("source: (.*)$");
    private static final Pattern BUNDLE_JAR = Pattern.compile("jar:jar/(.+?)(-\\d[^/]*)?\\.jar");

    private StartupProfile() {
    }

    public static Result measure(Launcher launcher, Path home) throws IOException, InterruptedException {
        Files.createDirectories(home);
        Path classLog = home.resolve("class-load.txt");
        try (RunningServer server = launcher.runtime(home,
                List.of("-Dlaunch.trace=true", "-Xlog:class+load=info:file=" + classLog), true)) {
            long health = server.process().startNanos();
            List<ServerProcess.Line> lines = server.process().lines();
            List<String> classLines = Files.readAllLines(classLog);
            return new Result(health / 1e6, phases(lines, health), slowestBundles(lines, 6), classLines.size(),
                    classesBySource(classLines, 8));
        }
    }

    /**
     * Cuts the start at the launcher's milestones: first bundle install, framework started, bundle starts begun,
     * last bundle started, first REST resource added, first healthy answer.
     */
    static List<Phase> phases(List<ServerProcess.Line> lines, long healthNanos) {
        Map<String, Long> milestones = new LinkedHashMap<>();
        milestones.put("JVM start, launcher unpacks framework", first(lines, "# installing "));
        milestones.put("install bundles (copied to a fresh framework cache)", first(lines, "# system bundle started ok"));
        milestones.put("resolve and refresh", first(lines, "# Will start bundles"));
        milestones.put("start bundles (activators, synchronous DS work)", last(lines, "# started "));
        milestones.put("until the first REST resource is added", first(lines, "Added content"));
        milestones.put("until /api/v1/health answers 200", healthNanos);
        List<Phase> phases = new ArrayList<>();
        long previous = 0;
        for (Map.Entry<String, Long> milestone : milestones.entrySet()) {
            Long at = milestone.getValue();
            if (at == null || at < previous) {
                continue;
            }
            phases.add(new Phase(milestone.getKey(), (at - previous) / 1e6));
            previous = at;
        }
        return phases;
    }

    /** @return the bundles whose {@code # starting}–{@code # started} stretch of the trace took longest */
    static List<BundleStart> slowestBundles(List<ServerProcess.Line> lines, int top) {
        Map<String, Long> starting = new HashMap<>();
        List<BundleStart> starts = new ArrayList<>();
        for (ServerProcess.Line line : lines) {
            String text = line.text();
            if (text.startsWith("# starting ")) {
                starting.put(text.substring("# starting ".length()).trim(), line.nanosSinceSpawn());
            } else if (text.startsWith("# started ")) {
                String bundle = text.substring("# started ".length()).trim();
                Long from = starting.remove(bundle);
                if (from != null) {
                    starts.add(new BundleStart(bundle, (line.nanosSinceSpawn() - from) / 1e6));
                }
            }
        }
        starts.sort(Comparator.comparingDouble(BundleStart::millis).reversed());
        return List.copyOf(starts.subList(0, Math.min(top, starts.size())));
    }

    /**
     * Counts the lines of an {@code -Xlog:class+load} file by where the class came from: the JDK's CDS archive, the
     * JDK's modules, a bundle (by its jar name), or classes defined at run time.
     *
     * @return the {@code top} sources by count, then "other" for the rest
     */
    static Map<String, Integer> classesBySource(List<String> classLoadLines, int top) {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : classLoadLines) {
            counts.merge(source(line), 1, Integer::sum);
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Integer> result = new LinkedHashMap<>();
        int other = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i < top) {
                result.put(sorted.get(i).getKey(), sorted.get(i).getValue());
            } else {
                other += sorted.get(i).getValue();
            }
        }
        if (other > 0) {
            result.put("other", other);
        }
        return result;
    }

    static String source(String classLoadLine) {
        Matcher m = SOURCE.matcher(classLoadLine);
        if (!m.find()) {
            return "defined at run time";
        }
        String source = m.group(1).trim();
        if (source.equals("shared objects file")) {
            return "JDK (CDS archive)";
        }
        if (source.startsWith("jrt:/")) {
            return "JDK (" + source.substring("jrt:/".length()) + ")";
        }
        Matcher bundle = BUNDLE_JAR.matcher(source);
        if (bundle.find()) {
            return bundle.group(1);
        }
        if (source.matches("file:.*resource\\d*\\.jar")) {
            return "Felix framework + bnd launcher";
        }
        return "defined at run time";
    }

    private static Long first(List<ServerProcess.Line> lines, String marker) {
        return lines.stream().filter(l -> l.text().contains(marker)).map(ServerProcess.Line::nanosSinceSpawn)
                .findFirst().orElse(null);
    }

    private static Long last(List<ServerProcess.Line> lines, String marker) {
        return lines.stream().filter(l -> l.text().startsWith(marker)).map(ServerProcess.Line::nanosSinceSpawn)
                .reduce((a, b) -> b).orElse(null);
    }
}
