package org.revos.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * A closed-loop load: {@code clients} threads, each sending a request (by default {@code GET /api/v1/deals/{random
 * id}}) and waiting for the answer before sending the next, over one JDK HttpClient (HTTP/1.1 keep-alive). A 200 is
 * a success. Requests that complete during the warm-up are not counted; of the measured window, every completed
 * request is.
 */
public final class LoadGenerator {

    /** What one client sends next; every client has its own, so it may keep state (such as a deal's stage). */
    @FunctionalInterface
    public interface Requests {
        HttpRequest next();
    }

    /** What one measured window showed. */
    public record Result(long ok, long errors, double seconds, double p50Millis, double p99Millis, double maxMillis,
            double serverCpuSeconds, double benchCpuSeconds, String firstError) {

        public double perSecond() {
            return ok / seconds;
        }

        /** @return CPU milliseconds the server spent per successful request */
        public double serverCpuMillisPerRequest() {
            return ok == 0 ? Double.NaN : serverCpuSeconds * 1000.0 / ok;
        }
    }

    /** The latencies (ns) one client measured, grown as needed. */
    private static final class Recorder {
        long[] nanos = new long[1 << 14];
        int count;
        long errors;

        void add(long value) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = value;
        }
    }

    private final int clients;
    private final Duration warmup;
    private final Duration window;
    private final double ticksPerSecond;

    public LoadGenerator(int clients, Duration warmup, Duration window, double ticksPerSecond) {
        this.clients = clients;
        this.warmup = warmup;
        this.window = window;
        this.ticksPerSecond = ticksPerSecond;
    }

    /** @return a load with the same clients and warm-up that measures for {@code measured} (zero: only warms up) */
    public LoadGenerator withWindow(Duration measured) {
        return new LoadGenerator(clients, warmup, measured, ticksPerSecond);
    }

    public Result run(RunningServer server, String key, List<String> dealIds) throws IOException, InterruptedException {
        HttpRequest[] requests = dealIds.stream()
                .map(id -> HttpRequest.newBuilder(server.uri("/api/v1/deals/" + id))
                        .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(10)).GET().build())
                .toArray(HttpRequest[]::new);
        return run(server, client -> () -> requests[ThreadLocalRandom.current().nextInt(requests.length)]);
    }

    /** @param requestsOfClient the requests of client 0, 1, ... {@code clients - 1} */
    public Result run(RunningServer server, IntFunction<Requests> requestsOfClient)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long measureUntil = measureFrom + window.toNanos();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Recorder> recorders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Recorder recorder = new Recorder();
            recorders.add(recorder);
            Requests requests = requestsOfClient.apply(i);
            Thread thread = new Thread(() -> loop(client, requests, measureFrom, measureUntil, recorder, firstError),
                    "load-client-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        sleepUntil(measureFrom);
        long serverCpu0 = ProcStatus.cpuTicks(server.process().pid());
        long benchCpu0 = ProcStatus.cpuTicks(ProcessHandle.current().pid());
        sleepUntil(measureUntil);
        long serverCpu1 = ProcStatus.cpuTicks(server.process().pid());
        long benchCpu1 = ProcStatus.cpuTicks(ProcessHandle.current().pid());
        for (Thread thread : threads) {
            thread.join(15_000);
        }
        long errors = recorders.stream().mapToLong(r -> r.errors).sum();
        long[] sorted = Stats.sortedUnion(recorders.stream().map(r -> Arrays.copyOf(r.nanos, r.count)).toList());
        double seconds = window.toNanos() / 1e9;
        if (sorted.length == 0) {
            return new Result(0, errors, seconds, Double.NaN, Double.NaN, Double.NaN,
                    (serverCpu1 - serverCpu0) / ticksPerSecond, (benchCpu1 - benchCpu0) / ticksPerSecond,
                    firstError.get());
        }
        return new Result(sorted.length, errors, seconds, Stats.percentile(sorted, 50) / 1e6,
                Stats.percentile(sorted, 99) / 1e6, sorted[sorted.length - 1] / 1e6,
                (serverCpu1 - serverCpu0) / ticksPerSecond, (benchCpu1 - benchCpu0) / ticksPerSecond,
                firstError.get());
    }

    private static void loop(HttpClient client, Requests requests, long measureFrom, long measureUntil,
            Recorder recorder, AtomicReference<String> firstError) {
        while (System.nanoTime() < measureUntil) {
            HttpRequest request = requests.next();
            long sent = System.nanoTime();
            String error;
            try {
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                error = response.statusCode() == 200 ? null
                        : "HTTP " + response.statusCode() + " " + new String(response.body());
            } catch (IOException e) {
                error = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long done = System.nanoTime();
            if (done < measureFrom || done > measureUntil) {
                continue;
            }
            if (error == null) {
                recorder.add(done - sent);
            } else {
                recorder.errors++;
                firstError.compareAndSet(null, error);
            }
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, left / 1_000_000));
        }
    }
}
