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

/**
 * Background traffic against core endpoints while plugins come and go: one thread alternates {@code GET /accounts}
 * (with a tenant key) and {@code GET /health} as fast as the runtime answers. Any non-2xx answer or I/O error counts
 * as a failure. Bounded: it stops when closed or after {@code maxDuration}, whichever comes first.
 */
final class RequestLoop implements AutoCloseable {

    private final RevosProcess process;
    private final String tenantKey;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong slowest = new AtomicLong();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;
    private final long deadline;

    private RequestLoop(RevosProcess process, String tenantKey, Duration maxDuration) {
        this.process = process;
        this.tenantKey = tenantKey;
        this.deadline = System.nanoTime() + maxDuration.toNanos();
        this.thread = new Thread(this::run, "request-loop");
        this.thread.setDaemon(true);
    }

    static RequestLoop start(RevosProcess process, String tenantKey, Duration maxDuration) {
        RequestLoop loop = new RequestLoop(process, tenantKey, maxDuration);
        loop.thread.start();
        return loop;
    }

    private void run() {
        boolean accounts = true;
        while (running.get() && System.nanoTime() < deadline) {
            HttpRequest.Builder request = HttpRequest.newBuilder(process.uri(accounts ? "/api/v1/accounts"
                    : "/api/v1/health")).timeout(Duration.ofSeconds(30));
            if (accounts) {
                request.header("Authorization", "Bearer " + tenantKey);
            }
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 != 2) {
                    failures.add(response.request().uri().getPath() + " → " + response.statusCode() + " "
                            + response.body());
                }
            } catch (IOException e) {
                failures.add((accounts ? "/accounts" : "/health") + " → " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            slowest.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
            requests.incrementAndGet();
            accounts = !accounts;
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

    /** @return the slowest answer in milliseconds */
    long slowestMillis() {
        return slowest.get();
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(35_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
