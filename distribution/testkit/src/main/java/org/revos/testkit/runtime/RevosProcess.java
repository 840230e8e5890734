package org.revos.testkit.runtime;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The runtime jar started as its own process, as an operator starts it: {@code java -jar revos.jar} on a free port of
 * 127.0.0.1, with a fresh data folder and deploy folder under a work folder, and a platform-admin key of its own.
 * {@link #close()} stops it.
 *
 * <p>Where things are: the jar is {@code -Drevos.jar} (a test build copies {@code org.revos:revos-runtime} there);
 * work folders go under {@code -Drevos.test.workdir} (default {@code target/revos-test}).
 */
public final class RevosProcess implements AutoCloseable {

    /** The system property naming the runtime jar. */
    public static final String JAR_PROPERTY = "revos.jar";
    /** The system property naming the folder the processes' work folders are made in. */
    public static final String WORKDIR_PROPERTY = "revos.test.workdir";

    private final Process process;
    private final Path workDir;
    private final Path log;
    private final Path deployDir;
    private final Path dataDir;
    private final int port;
    private final String adminKey;

    private RevosProcess(Process process, Path workDir, Path log, Path deployDir, Path dataDir, int port,
            String adminKey) {
        this.process = process;
        this.workDir = workDir;
        this.log = log;
        this.deployDir = deployDir;
        this.dataDir = dataDir;
        this.port = port;
        this.adminKey = adminKey;
    }

    /** @return how to start a process, with the defaults above */
    public static Options options() {
        return new Options();
    }

    /** Starts the jar with the default options and waits until {@code /api/v1/health} answers 200. */
    public static RevosProcess start() throws IOException, InterruptedException {
        return options().start();
    }

    /** How to start the runtime; every setting has a default. */
    public static final class Options {
        private Path jar;
        private Path workBase;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx512m"));
        private String adminKey = "rvs_test-admin-key-" + UUID.randomUUID();
        private Duration healthTimeout = Duration.ofSeconds(90);

        private Options() {
        }

        /** The runtime jar; default {@code -Drevos.jar}, else {@code target/revos.jar}. */
        public Options jar(Path jar) {
            this.jar = jar;
            return this;
        }

        /** The folder work folders are made in; default {@code -Drevos.test.workdir}, else {@code target/revos-test}. */
        public Options workBase(Path folder) {
            this.workBase = folder;
            return this;
        }

        /** Environment variables added to (or replacing) the defaults, such as {@code REVOS_DATA_DIR}. */
        public Options env(Map<String, String> more) {
            env.putAll(more);
            return this;
        }

        public Options env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /** JVM options in place of the default {@code -Xmx512m}. */
        public Options jvmOptions(List<String> options) {
            jvmOptions.clear();
            jvmOptions.addAll(options);
            return this;
        }

        /** Adds {@code -Dname=value} to the runtime's command line. */
        public Options systemProperty(String name, String value) {
            jvmOptions.add("-D" + name + "=" + value);
            return this;
        }

        /** The platform-admin key ({@code REVOS_ADMIN_KEY}); default a random one. */
        public Options adminKey(String key) {
            this.adminKey = key;
            return this;
        }

        public Options healthTimeout(Duration timeout) {
            this.healthTimeout = timeout;
            return this;
        }

        /** Starts the process and waits (bounded) until {@code /api/v1/health} answers 200. */
        public RevosProcess start() throws IOException, InterruptedException {
            Path runtimeJar = (jar != null ? jar : Path.of(System.getProperty(JAR_PROPERTY, "target/revos.jar")))
                    .toAbsolutePath();
            if (!Files.isRegularFile(runtimeJar)) {
                throw new IllegalStateException("The runtime jar " + runtimeJar + " does not exist: set -D"
                        + JAR_PROPERTY + " to the revos.jar to test against (the org.revos:revos-runtime artifact)");
            }
            Path base = (workBase != null ? workBase
                    : Path.of(System.getProperty(WORKDIR_PROPERTY, "target/revos-test"))).toAbsolutePath();
            Files.createDirectories(base);
            Path work = Files.createTempDirectory(base, "run-");
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(javaBinary()));
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", runtimeJar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
            builder.environment().put("REVOS_HTTP_PORT", Integer.toString(port));
            builder.environment().put("REVOS_DATA_DIR", work.resolve("data").toString());
            builder.environment().put("REVOS_DEPLOY_DIR", work.resolve("deploy").toString());
            builder.environment().put("REVOS_ADMIN_KEY", adminKey);
            builder.environment().putAll(env);
            Path log = work.resolve("revos.log");
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            RevosProcess revos = new RevosProcess(builder.start(), work, log,
                    Path.of(builder.environment().get("REVOS_DEPLOY_DIR")),
                    Path.of(builder.environment().get("REVOS_DATA_DIR")), port,
                    builder.environment().get("REVOS_ADMIN_KEY"));
            revos.awaitHealthy(healthTimeout);
            return revos;
        }
    }

    private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("RevOS exited with " + process.exitValue() + ":\n" + logText());
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("/api/v1/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("RevOS did not become healthy within " + timeout + ":\n" + logText());
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public int port() {
        return port;
    }

    /** @return the platform-admin key the process was started with */
    public String adminKey() {
        return adminKey;
    }

    /** @return a client that speaks to {@code /api/v1} with the platform-admin key */
    public RevosClient platformAdmin() {
        return new RevosClient(this, adminKey);
    }

    /** @return a client that speaks to {@code /api/v1} with {@code key} ({@code null}: no key) */
    public RevosClient client(String key) {
        return new RevosClient(this, key);
    }

    public Path workDir() {
        return workDir;
    }

    /** @return the deploy folder the runtime watches ({@code REVOS_DEPLOY_DIR}) */
    public Path deployDir() {
        return deployDir;
    }

    /** @return the data folder ({@code REVOS_DATA_DIR}) */
    public Path dataDir() {
        return dataDir;
    }

    /** @return what the process printed so far, for failure messages */
    public String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no log)";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Stops the process (as SIGTERM does: the runtime shuts down in order), forcibly after 20 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the process at once (SIGKILL): no shutdown hook, no orderly stop of anything under way. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
