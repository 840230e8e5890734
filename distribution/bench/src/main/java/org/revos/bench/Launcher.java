package org.revos.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.revos.bench.baseline.BaselineServer;

/**
 * Starts the RevOS runtime jar and the baseline server the same way: the same {@code java}, no extra JVM options,
 * each in its own folder whose {@code tmp/} is its {@code java.io.tmpdir}, so that files a killed process leaves
 * behind are deleted with the folder.
 */
public final class Launcher {

    static final String HEALTH = "/api/v1/health";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Path java;
    private final Path runtimeJar;
    private final Path benchClasspath;
    private final String adminKey;
    private final Cleanup cleanup;

    public Launcher(Path java, Path runtimeJar, Path benchClasspath, String adminKey, Cleanup cleanup) {
        this.java = java;
        this.runtimeJar = runtimeJar;
        this.benchClasspath = benchClasspath;
        this.adminKey = adminKey;
        this.cleanup = cleanup;
    }

    public String adminKey() {
        return adminKey;
    }

    public Path runtimeJar() {
        return runtimeJar;
    }

    /**
     * Starts {@code revos.jar} with {@code home/data} and {@code home/deploy} and waits for its first healthy answer.
     *
     * @param jvmOptions extra JVM options (only for the instrumented profile start)
     * @param captureLines whether to time-stamp its output lines
     */
    public RunningServer runtime(Path home, List<String> jvmOptions, boolean captureLines)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-Djava.io.tmpdir=" + Files.createDirectories(home.resolve("tmp")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", runtimeJar.toString()));
        Map<String, String> env = Map.of("REVOS_HTTP_PORT", Integer.toString(port),
                "REVOS_DATA_DIR", home.resolve("data").toString(),
                "REVOS_DEPLOY_DIR", Files.createDirectories(home.resolve("deploy")).toString(),
                "REVOS_ADMIN_KEY", adminKey);
        return start("RevOS", command, env, home, port, captureLines);
    }

    /** Starts the baseline server on the Derby database in {@code derbyDir}. */
    public RunningServer baseline(Path home, Path derbyDir) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = List.of(java.toString(),
                "-Djava.io.tmpdir=" + Files.createDirectories(home.resolve("tmp")),
                "-cp", benchClasspath.toString(), BaselineServer.class.getName(),
                "--db", derbyDir.toString(), "--port", Integer.toString(port));
        return start("baseline", command, Map.of(), home, port, false);
    }

    private RunningServer start(String name, List<String> command, Map<String, String> env, Path home, int port,
            boolean captureLines) throws IOException, InterruptedException {
        ServerProcess process = cleanup.register(ServerProcess.spawn(name, command, env, home,
                home.resolve(name.toLowerCase() + ".log"), captureLines));
        RunningServer server = new RunningServer(process, port);
        try {
            process.awaitHealthy(server.uri(HEALTH), START_TIMEOUT);
        } catch (IOException | RuntimeException e) {
            process.close();
            throw e;
        }
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
