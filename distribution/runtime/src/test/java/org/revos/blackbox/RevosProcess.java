package org.revos.blackbox;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The exported runtime jar, started as its own process on a free port of 127.0.0.1 with a fresh data folder, as a
 * user would start it — by the test kit's {@link org.revos.testkit.runtime.RevosProcess}, which partners' tests use
 * too — with the settings the black-box suite needs. {@link #close()} stops it. The platform admin allows outbound
 * calls to 127.0.0.1 ({@code REVOS_OUTBOUND_ALLOW}), where the tests' webhook receivers and sync sources listen;
 * every other loopback or private address stays refused.
 */
public final class RevosProcess implements AutoCloseable {

    public static final String ADMIN_KEY = "rvs_blackbox-admin-key-" + UUID.randomUUID();
    /** what the harness lets the runtime call although it is loopback: the tests' own receivers */
    public static final String OUTBOUND_ALLOW = "127.0.0.1";

    private final org.revos.testkit.runtime.RevosProcess process;

    private RevosProcess(org.revos.testkit.runtime.RevosProcess process) {
        this.process = process;
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
        // Adoption reminders every second instead of every minute, and webhook, sync and enrichment retries a few
        // hundred milliseconds apart at first instead of seconds, so tests see them happen.
        return new RevosProcess(org.revos.testkit.runtime.RevosProcess.options()
                .workBase(Path.of(System.getProperty("revos.test.workdir", "target/blackbox")))
                .jvmOptions(jvmOptions).systemProperty("revos.adoption.tick.seconds", "1")
                .systemProperty("revos.webhook.backoff.ms", "100").systemProperty("revos.sync.backoff.ms", "300")
                .systemProperty("revos.enrichment.backoff.ms", "200").adminKey(ADMIN_KEY)
                .env("REVOS_OUTBOUND_ALLOW", OUTBOUND_ALLOW).env(extraEnv).start());
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

    /** @return the kit's process, for a client of it */
    org.revos.testkit.runtime.RevosProcess kit() {
        return process;
    }

    public URI uri(String path) {
        return process.uri(path);
    }

    public int port() {
        return process.port();
    }

    public Path workDir() {
        return process.workDir();
    }

    /** @return the deploy folder the runtime watches ({@code REVOS_DEPLOY_DIR}) */
    public Path deployDir() {
        return process.deployDir();
    }

    /**
     * @return the folder a tenant's sync locations and reference files are named relative to,
     *         {@code REVOS_DATA_DIR/tenants/<tenantId>/files}, created if the runtime has not made it yet
     */
    public Path tenantFiles(String tenantId) throws IOException {
        return Files.createDirectories(process.dataDir().resolve("tenants").resolve(tenantId).resolve("files"));
    }

    public String logText() {
        return process.logText();
    }

    @Override
    public void close() {
        process.close();
    }

    /** @return whether the process is still running */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the process at once (SIGKILL): no shutdown hook, no orderly stop of anything under way. */
    public void kill() {
        process.kill();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
