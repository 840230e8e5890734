package org.revos.blackbox;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Clients hitting the paths of every capability (or the core endpoints) while bundles swap: {@code threads} threads
 * each cycle through {@code paths} with a tenant key as fast as the runtime answers, until closed or for at most
 * {@code maxDuration}. An answer is a failure unless it is 2xx and
 * {@code expected} holds for it (by default any 2xx); an I/O error is a failure too. Records the slowest answer,
 * which is the longest a held request waited (plus its own work).
 */
final class CapabilityLoad implements AutoCloseable {

    private final RevosProcess process;
    private final String key;
    private final List<String> paths;
    private final Predicate<HttpResponse<String>> expected;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong slowest = new AtomicLong();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> threads = new ArrayList<>();
    private final long deadline;

    private CapabilityLoad(RevosProcess process, String key, List<String> paths,
            Predicate<HttpResponse<String>> expected, Duration maxDuration) {
        this.process = process;
        this.key = key;
        this.paths = List.copyOf(paths);
        this.expected = expected;
        this.deadline = System.nanoTime() + maxDuration.toNanos();
    }

    /** Starts {@code threads} clients on {@code paths} (relative to {@code /api/v1}). */
    static CapabilityLoad start(RevosProcess process, String key, List<String> paths, int threads,
            Predicate<HttpResponse<String>> expected, Duration maxDuration) {
        CapabilityLoad load = new CapabilityLoad(process, key, paths, expected, maxDuration);
        for (int i = 0; i < threads; i++) {
            int offset = i;
            Thread thread = new Thread(() -> load.run(offset), "capability-load-" + i);
            thread.setDaemon(true);
            load.threads.add(thread);
            thread.start();
        }
        return load;
    }

    private void run(int offset) {
        for (int i = offset; running.get() && System.nanoTime() < deadline; i++) {
            String path = paths.get(i % paths.size());
            HttpRequest request = HttpRequest.newBuilder(process.uri("/api/v1" + path))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + key).build();
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 != 2 || !expected.test(response)) {
                    String body = response.body();
                    failures.add(path + " → " + response.statusCode() + " "
                            + body.substring(0, Math.min(300, body.length())));
                }
            } catch (IOException e) {
                failures.add(path + " → " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            slowest.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
            requests.incrementAndGet();
        }
    }

    long requests() {
        return requests.get();
    }

    List<String> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /** @return the slowest answer so far in milliseconds */
    long slowestMillis() {
        return slowest.get();
    }

    @Override
    public void close() {
        running.set(false);
        for (Thread thread : threads) {
            try {
                thread.join(35_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
