package org.revos.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The bench's command-line options. */
public record BenchOptions(Optional<Path> runtimeJar, Optional<Path> doc, boolean writeDoc, int coldStarts,
        int warmStarts, Duration settle, int deals, int clients, Duration warmup, Duration window,
        Optional<Path> pluginJar, Optional<String> pluginPath, int deploys, String uploadContentType,
        boolean onlyTransitions, boolean help) {

    public static final String USAGE = """
            usage: java -jar distribution/bench/target/revos-bench.jar [options]

              --runtime-jar PATH      the RevOS jar (default: distribution/runtime/target/revos.jar of this checkout)
              --doc PATH              the Markdown file to update (default: docs/benchmarks.md of this checkout)
              --no-doc                print the figures only
              --starts N              cold starts, each with a fresh data folder (default 5)
              --warm-starts N         restarts on the seeded data folder (default 3)
              --settle SECONDS        idle time before reading VmRSS (default 5)
              --deals N               deals created before the load (default 1000)
              --clients N             concurrent load clients (default 16)
              --warmup SECONDS        load before measuring, per server (default 15)
              --measure SECONDS       measured load window, per server (default 20)
              --plugin-jar PATH       a plugin jar for the hot-deploy figures (skipped without it)
              --plugin-path PATH      the plugin's endpoint, e.g. /api/v1/hello (required with --plugin-jar)
              --deploys N             hot-deploy rounds per route (default 20)
              --upload-content-type T Content-Type of the upload (default application/java-archive)
              --only transitions      measure only stage transitions against deal PATCH (same clients and windows)
            """;

    /** @throws IllegalArgumentException naming the first bad option */
    public static BenchOptions parse(List<String> args) {
        Optional<Path> runtimeJar = Optional.empty();
        Optional<Path> doc = Optional.empty();
        boolean writeDoc = true;
        int coldStarts = 5;
        int warmStarts = 3;
        Duration settle = Duration.ofSeconds(5);
        int deals = 1000;
        int clients = 16;
        Duration warmup = Duration.ofSeconds(15);
        Duration window = Duration.ofSeconds(20);
        Optional<Path> pluginJar = Optional.empty();
        Optional<String> pluginPath = Optional.empty();
        int deploys = 20;
        String uploadContentType = "application/java-archive";
        boolean onlyTransitions = false;
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (name.equals("--help") || name.equals("-h")) {
                help = true;
                continue;
            }
            if (name.equals("--no-doc")) {
                writeDoc = false;
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args.get(++i);
            switch (name) {
                case "--runtime-jar" -> runtimeJar = Optional.of(Path.of(value));
                case "--doc" -> doc = Optional.of(Path.of(value));
                case "--starts" -> coldStarts = positive(name, value);
                case "--warm-starts" -> warmStarts = positive(name, value);
                case "--settle" -> settle = Duration.ofSeconds(positive(name, value));
                case "--deals" -> deals = positive(name, value);
                case "--clients" -> clients = positive(name, value);
                case "--warmup" -> warmup = Duration.ofSeconds(positive(name, value));
                case "--measure" -> window = Duration.ofSeconds(positive(name, value));
                case "--plugin-jar" -> pluginJar = Optional.of(Path.of(value));
                case "--plugin-path" -> pluginPath = Optional.of(value);
                case "--deploys" -> deploys = positive(name, value);
                case "--upload-content-type" -> uploadContentType = value;
                case "--only" -> {
                    if (!value.equals("transitions")) {
                        throw new IllegalArgumentException("--only takes 'transitions', not '" + value + "'");
                    }
                    onlyTransitions = true;
                }
                default -> throw new IllegalArgumentException("Unknown option " + name);
            }
        }
        if (pluginJar.isPresent() != pluginPath.isPresent()) {
            throw new IllegalArgumentException("--plugin-jar and --plugin-path go together");
        }
        if (pluginPath.isPresent() && !pluginPath.get().startsWith("/")) {
            throw new IllegalArgumentException("--plugin-path must start with /, e.g. /api/v1/hello");
        }
        return new BenchOptions(runtimeJar, doc, writeDoc, coldStarts, warmStarts, settle, deals, clients, warmup,
                window, pluginJar, pluginPath, deploys, uploadContentType, onlyTransitions, help);
    }

    /** @return whether the hot-deploy figures are to be measured */
    public boolean measuresHotDeploy() {
        return pluginJar.isPresent();
    }

    private static int positive(String name, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number above 0, not '" + value + "'");
    }
}
