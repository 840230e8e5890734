package org.revos.blackbox;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The exported runtime jar, started as its own process on a free port of 127.0.0.1 with a fresh data folder, as a
 * user would start it. {@link #close()} stops it. The platform admin allows outbound calls to 127.0.0.1
 * ({@code REVOS_OUTBOUND_ALLOW}), where the tests' webhook receivers and sync sources listen; every other loopback or
 * private address stays refused.
 */
public final class RevosProcess implements AutoCloseable {

    public static final String ADMIN_KEY = "rvs_blackbox-admin-key-" + UUID.randomUUID();
    /** what the harness lets the runtime call although it is loopback: the tests' own receivers */
    public static final String OUTBOUND_ALLOW = "127.0.0.1";

    private final Process process;
    private final Path workDir;
    private final Path log;
    private final Path deployDir;
    private final Path dataDir;
    private final int port;

    private RevosProcess(Process process, Path workDir, Path log, Path deployDir, Path dataDir, int port) {
        this.process = process;
        this.workDir = workDir;
        this.log = log;
        this.deployDir = deployDir;
        this.dataDir = dataDir;
        this.port = port;
    }

    /**
     * Starts the jar and waits (bounded) until {@code /api/v1/health} answers 200.
     *
     * @param extraEnv environment variables added to (or replacing) the defaults, such as {@code REVOS_DATA_DIR} to
     *                 start a second process on the data of a first one
     */
    public static RevosProcess start(Map<String, String> extraEnv) throws IOException, InterruptedException {
        return start(extraEnv, List.of("-Xmx512m"));
    }

    /**
     * Starts the jar as {@link #start(Map)} does, with {@code jvmOptions} (such as a smaller {@code -Xmx}) in place of
     * the default {@code -Xmx512m}.
     */
    public static RevosProcess start(Map<String, String> extraEnv, List<String> jvmOptions)
            throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("revos.jar", "target/revos.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist; run mvn package first");
        }
        Path base = Path.of(System.getProperty("revos.test.workdir", "target/blackbox"));
        Files.createDirectories(base);
        Path workDir = Files.createTempDirectory(base.toAbsolutePath(), "run-");
        int port = freePort();
        // Adoption reminders every second instead of every minute, and webhook, sync and enrichment retries a few
        // hundred milliseconds apart at first instead of seconds, so tests see them happen.
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Drevos.adoption.tick.seconds=1", "-Drevos.webhook.backoff.ms=100",
                "-Drevos.sync.backoff.ms=300", "-Drevos.enrichment.backoff.ms=200", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().put("REVOS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("REVOS_DATA_DIR", workDir.resolve("data").toString());
        builder.environment().put("REVOS_DEPLOY_DIR", workDir.resolve("deploy").toString());
        builder.environment().put("REVOS_ADMIN_KEY", ADMIN_KEY);
        builder.environment().put("REVOS_OUTBOUND_ALLOW", OUTBOUND_ALLOW);
        builder.environment().putAll(extraEnv);
        Path log = workDir.resolve("revos.log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Path deployDir = Path.of(builder.environment().get("REVOS_DEPLOY_DIR"));
        Path dataDir = Path.of(builder.environment().get("REVOS_DATA_DIR"));
        RevosProcess revos = new RevosProcess(builder.start(), workDir, log, deployDir, dataDir, port);
        revos.awaitHealthy(Duration.ofSeconds(90));
        return revos;
    }

    /** How a start that was expected to fail ended: whether it exited by itself, its status and what it printed. */
    public record Exit(boolean ended, int status, String output) {
    }

    /**
     * Starts the jar on fresh data and deploy folders with {@code env} and waits up to 60 s for it to stop by itself,
     * as a start with an unusable setting must.
     */
    public static Exit startExpectingExit(Map<String, String> env) throws IOException, InterruptedException {
        Path base = Path.of(System.getProperty("revos.test.workdir", "target/blackbox")).toAbsolutePath();
        Files.createDirectories(base);
        Path work = Files.createTempDirectory(base, "exit-");
        Path jar = Path.of(System.getProperty("revos.jar", "target/revos.jar")).toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(List.of(javaBinary(), "-jar", jar.toString()))
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("out.log").toFile());
        builder.environment().put("REVOS_DATA_DIR", work.resolve("data").toString());
        builder.environment().put("REVOS_DEPLOY_DIR", work.resolve("deploy").toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        return new Exit(ended, ended ? process.exitValue() : -1, Files.readString(work.resolve("out.log")));
    }

    /**
     * @return {@code REVOS_DATA_DIR} and {@code REVOS_DEPLOY_DIR} in a new folder of the test work folder, for tests
     *         that start several processes on the same data
     */
    public static Map<String, String> ownFolders(String prefix) throws IOException {
        Path base = Path.of(System.getProperty("revos.test.workdir", "target/blackbox")).toAbsolutePath();
        Files.createDirectories(base);
        Path dir = Files.createTempDirectory(base, prefix);
        return Map.of("REVOS_DATA_DIR", dir.resolve("data").toString(), "REVOS_DEPLOY_DIR",
                dir.resolve("deploy").toString());
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

    public Path workDir() {
        return workDir;
    }

    /** @return the deploy folder the runtime watches ({@code REVOS_DEPLOY_DIR}) */
    public Path deployDir() {
        return deployDir;
    }

    /**
     * @return the folder a tenant's sync locations and reference files are named relative to,
     *         {@code REVOS_DATA_DIR/tenants/<tenantId>/files}, created if the runtime has not made it yet
     */
    public Path tenantFiles(String tenantId) throws IOException {
        return Files.createDirectories(dataDir.resolve("tenants").resolve(tenantId).resolve("files"));
    }

    public String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no log)";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

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

    /** @return whether the process is still running */
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
