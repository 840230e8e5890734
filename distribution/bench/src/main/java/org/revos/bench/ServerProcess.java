package org.revos.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server started as its own JVM process on 127.0.0.1, timed from spawn to the first 200 of its health URL.
 * {@link #close()} stops it (SIGTERM, then SIGKILL after a grace period) and everything it spawned.
 */
public final class ServerProcess implements AutoCloseable {

    /** A line the process printed, with the time since spawn at which the bench read it. */
    public record Line(long nanosSinceSpawn, String text) {
    }

    private static final Duration POLL = Duration.ofMillis(10);

    private final String name;
    private final Process process;
    private final long spawnedAt;
    private final Path log;
    private final List<Line> lines;
    private final Thread reader;
    private long startNanos = -1;

    private ServerProcess(String name, Process process, long spawnedAt, Path log, List<Line> lines, Thread reader) {
        this.name = name;
        this.process = process;
        this.spawnedAt = spawnedAt;
        this.log = log;
        this.lines = lines;
        this.reader = reader;
    }

    /**
     * Spawns {@code command}; its output goes to {@code log}, or, with {@code captureLines}, is read line by line and
     * time-stamped (for start-up profiles) as well as copied to {@code log}.
     */
    public static ServerProcess spawn(String name, List<String> command, Map<String, String> env, Path workDir,
            Path log, boolean captureLines) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        if (!captureLines) {
            builder.redirectOutput(log.toFile());
        }
        long spawnedAt = System.nanoTime();
        Process process = builder.start();
        if (!captureLines) {
            return new ServerProcess(name, process, spawnedAt, log, List.of(), null);
        }
        List<Line> lines = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> copyLines(process, spawnedAt, log, lines), name + "-output");
        reader.setDaemon(true);
        reader.start();
        return new ServerProcess(name, process, spawnedAt, log, lines, reader);
    }

    private static void copyLines(Process process, long spawnedAt, Path log, List<Line> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); var out = Files.newBufferedWriter(log)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(new Line(System.nanoTime() - spawnedAt, line));
                out.write(line);
                out.newLine();
            }
        } catch (IOException e) {
            lines.add(new Line(System.nanoTime() - spawnedAt, "(bench: output unreadable: " + e + ")"));
        }
    }

    /**
     * Polls {@code health} every 10 ms until it answers 200.
     *
     * @return nanoseconds from spawn to that first 200
     * @throws IllegalStateException when the process dies or the timeout passes, with the end of its log
     */
    public long awaitHealthy(URI health, Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build();
        long deadline = spawnedAt + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before answering "
                        + health + ":\n" + logTail());
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    startNanos = System.nanoTime() - spawnedAt;
                    return startNanos;
                }
            } catch (ConnectException | HttpTimeoutException notYet) {
                // not listening yet, or listening but not yet serving
            } catch (IOException notYet) {
                // connection closed while the server was starting
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException(name + " did not answer 200 on " + health + " within " + timeout + ":\n"
                + logTail());
    }

    public long pid() {
        return process.pid();
    }

    /** @return nanoseconds from spawn to the first 200 of the health URL */
    public long startNanos() {
        return startNanos;
    }

    /** @return the time-stamped output lines (only when spawned with line capture) */
    public List<Line> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    public String logTail() {
        try {
            if (reader != null) {
                List<Line> copy = lines();
                return String.join("\n", copy.subList(Math.max(0, copy.size() - 40), copy.size()).stream()
                        .map(Line::text).toList());
            }
            List<String> all = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
            return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Stops the process and its descendants and waits for them to exit. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        for (ProcessHandle child : descendants) {
            child.destroyForcibly();
        }
        if (reader != null) {
            reader.join(5_000);
        }
    }
}
