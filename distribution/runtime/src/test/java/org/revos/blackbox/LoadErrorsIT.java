package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Many clients at once, on a runtime of its own: for {@code -Drevos.load.seconds} (default 20) each of
 * {@code -Drevos.load.clients} (default 16) clients sends, without pause, a mix of what a CRM's users do: lists with
 * and without filters and pages, reads by id, creations (accounts, deals, activities, revenue events), merge patches,
 * deletions of its own activities, KPIs, the revenue summary, the goal matrix and the audit log, for two tenants.
 * <p>
 * It counts every request and every error: a 5xx, an error that is not a problem document, a request that got no
 * answer (connection refused, reset or timed out). It fails on any of them. A 4xx problem to a request the test
 * thought valid is counted and shown, not failed on (a concurrent change may answer 409). The figures go to
 * {@code target/reliability/load.properties}.
 */
class LoadErrorsIT {

    private static final int CLIENTS = Integer.getInteger("revos.load.clients", 16);
    private static final int SECONDS = Integer.getInteger("revos.load.seconds", 20);
    private static final long SEED = Long.getLong("revos.load.seed", 20261207L);
    private static final String PROBLEM = "application/problem+json";

    /** One tenant's keys and the ids the clients pick from (they add what they create). */
    private record Data(Revos.Tenant tenant, List<String> users, List<String> accounts, List<String> deals,
            List<String> kpis) {
    }

    private final AtomicLong requests = new AtomicLong();
    private final Map<String, AtomicLong> byStatus = new ConcurrentHashMap<>();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final List<String> refused = Collections.synchronizedList(new ArrayList<>());
    private final List<long[]> latencies = Collections.synchronizedList(new ArrayList<>());

    @Test
    void manyClientsGetAnswersAndNoErrors() throws Exception {
        try (RevosProcess process = RevosProcess.start(Map.of())) {
            Revos revos = new Revos(process);
            java.util.concurrent.CompletableFuture<Data> second = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> seed(revos, "load-b"));
            List<Data> tenants = List.of(seed(revos, "load-a"), second.join());

            long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Random random = new Random(SEED + c);
                Data data = tenants.get(c % tenants.size());
                int client = c;
                Thread thread = new Thread(() -> {
                    List<Long> mine = new ArrayList<>();
                    List<String> activities = new ArrayList<>();
                    for (int seq = 0; System.nanoTime() < deadline; seq++) {
                        long start = System.nanoTime();
                        one(revos, data, random, "c" + client + "-" + seq, activities);
                        mine.add(System.nanoTime() - start);
                    }
                    latencies.add(mine.stream().mapToLong(Long::longValue).toArray());
                }, "load-client-" + c);
                thread.start();
                clients.add(thread);
            }
            for (Thread t : clients) {
                t.join(SECONDS * 1000L + 120_000);
            }
            assertEquals(200, revos.get(null, "/health").status(), "the runtime answers after the load");
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("clients", CLIENTS);
        figures.put("seconds", SECONDS);
        figures.put("seed", SEED);
        figures.put("requests", requests.get());
        figures.put("errors", errors.size());
        figures.put("refused4xx", refused.size());
        figures.put("requestsPerSecond", requests.get() / SECONDS);
        figures.put("latencyMillisP50", all.length == 0 ? 0 : all[all.length / 2] / 1_000_000);
        figures.put("latencyMillisP99", all.length == 0 ? 0 : all[(int) (all.length * 0.99)] / 1_000_000);
        figures.put("latencyMillisMax", all.length == 0 ? 0 : all[all.length - 1] / 1_000_000);
        Map<String, Long> statuses = new TreeMap<>();
        byStatus.forEach((k, v) -> statuses.put(k, v.get()));
        figures.put("byRequest", statuses.toString().replace(" ", ""));
        Figures.write("load.properties", figures);
        refused.stream().limit(10).forEach(r -> System.out.println("refused: " + r));
        assertEquals(List.of(), errors.stream().limit(20).toList(), errors.size() + " errors in " + requests + " requests");
    }

    /** A tenant with users, accounts, deals and revenue, so lists page and KPIs have something to count. */
    private static Data seed(Revos revos, String name) {
        Revos.Tenant t = revos.newTenant(name);
        List<String> users = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        List<String> deals = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            users.add(revos.post(t.member(), "/users", Map.of("name", "Rep " + i, "role", "AE", "team",
                    i % 2 == 0 ? "East" : "West")).expect(201).get("id").asText());
        }
        for (int i = 0; i < 12; i++) {
            String account = revos.post(t.member(), "/accounts", Map.of("name", name + " account " + i, "country",
                    i % 3 == 0 ? "DE" : "US", "ownerId", users.get(i % 5))).expect(201).get("id").asText();
            accounts.add(account);
            deals.add(revos.post(t.member(), "/deals", Map.of("accountId", account, "name", "Deal " + i, "arr",
                    1000 * (i + 1), "ownerId", users.get(i % 5), "closeDate", "2026-0" + (1 + i % 9) + "-15"))
                    .expect(201).get("id").asText());
            revos.post(t.member(), "/revenue-events", Map.of("accountId", account, "kind", "NEW", "arrDelta",
                    500 * (i + 1), "seatsDelta", 5, "occurredAt", "2026-0" + (1 + i % 9) + "-10T10:00:00Z"))
                    .expect(201);
        }
        revos.post(t.member(), "/goals", Map.of("kpi", "recurring_revenue", "period", "2026", "target", 100000))
                .expect(201);
        List<String> kpis = new ArrayList<>();
        for (JsonNode kpi : revos.get(t.readOnly(), "/kpis").expect(200).get("items")) {
            if (kpi.get("parameters").isEmpty()) {
                kpis.add(kpi.get("id").asText());
            }
        }
        return new Data(t, Collections.synchronizedList(users), Collections.synchronizedList(accounts),
                Collections.synchronizedList(deals), kpis);
    }

    /** Sends one request of the mix and judges its answer. */
    private void one(Revos revos, Data d, Random random, String name, List<String> myActivities) {
        Revos.Tenant t = d.tenant();
        String reader = random.nextBoolean() ? t.readOnly() : t.member();
        int pick = random.nextInt(100);
        if (pick < 22) {
            String collection = List.of("accounts", "deals", "users", "activities", "revenue-events")
                    .get(random.nextInt(5));
            String filter = collection.equals("accounts") && random.nextBoolean() ? "&country=DE" : "";
            send(revos, "list " + collection, reader, "GET",
                    "/" + collection + "?limit=" + (1 + random.nextInt(100)) + filter, null);
        } else if (pick < 27) {
            JsonNode first = send(revos, "list page 2", reader, "GET", "/deals?limit=10", null);
            if (first != null && first.path("next").isTextual()) {
                send(revos, "list page 2", reader, "GET", "/deals?limit=10&cursor=" + first.get("next").asText(),
                        null);
            }
        } else if (pick < 40) {
            boolean account = random.nextBoolean();
            send(revos, "read by id", reader, "GET", account ? "/accounts/" + any(d.accounts(), random)
                    : "/deals/" + any(d.deals(), random), null);
        } else if (pick < 48) {
            JsonNode created = send(revos, "create account", t.member(), "POST", "/accounts",
                    Map.of("name", "Load " + name, "country", random.nextBoolean() ? "DE" : "FR", "ownerId",
                            any(d.users(), random)));
            if (created != null) {
                d.accounts().add(created.get("id").asText());
            }
        } else if (pick < 55) {
            JsonNode created = send(revos, "create deal", t.member(), "POST", "/deals", Map.of("accountId",
                    any(d.accounts(), random), "name", "Load deal " + name, "arr", 100 + random.nextInt(50_000),
                    "ownerId", any(d.users(), random)));
            if (created != null) {
                d.deals().add(created.get("id").asText());
            }
        } else if (pick < 61) {
            JsonNode created = send(revos, "create activity", t.member(), "POST", "/activities", Map.of("type",
                    "CALL", "subject", "Call " + name, "accountId", any(d.accounts(), random)));
            if (created != null) {
                myActivities.add(created.get("id").asText());
            }
        } else if (pick < 64) {
            send(revos, "create revenue event", t.member(), "POST", "/revenue-events", Map.of("accountId",
                    any(d.accounts(), random), "kind", "EXPANSION", "arrDelta", 10 + random.nextInt(1000),
                    "seatsDelta", 1, "occurredAt", "2026-06-01T12:00:00Z"));
        } else if (pick < 72) {
            send(revos, "patch deal", t.member(), "PATCH", "/deals/" + any(d.deals(), random),
                    Map.of("arr", 100 + random.nextInt(90_000), "properties", Map.of("touched", name)));
        } else if (pick < 75) {
            if (myActivities.isEmpty()) {
                send(revos, "list activities", reader, "GET", "/activities?limit=5", null);
            } else {
                send(revos, "delete activity", t.member(), "DELETE",
                        "/activities/" + myActivities.remove(myActivities.size() - 1), null);
            }
        } else if (pick < 90) {
            String filter = random.nextInt(3) == 0 ? "&country=DE" : "";
            send(revos, "kpi", reader, "GET", "/kpis/" + any(d.kpis(), random) + "?period="
                    + List.of("2026", "2026-Q2", "2026-06").get(random.nextInt(3)) + filter, null);
        } else if (pick < 94) {
            send(revos, "revenue summary", reader, "GET", "/revenue/summary?period=2026", null);
        } else if (pick < 97) {
            send(revos, "goal matrix", reader, "GET", "/goal-matrix?kpis=recurring_revenue,deals_won&periods=2026",
                    null);
        } else {
            send(revos, "audit", t.admin(), "GET", "/audit?limit=50", null);
        }
    }

    private static String any(List<String> ids, Random random) {
        synchronized (ids) {
            return ids.get(random.nextInt(ids.size()));
        }
    }

    /** @return the answer's body when it is a 2xx, else null (after counting what it was) */
    private JsonNode send(Revos revos, String what, String key, String method, String path, Object body) {
        requests.incrementAndGet();
        Revos.Reply reply;
        try {
            reply = revos.send(key, method, path, body, Map.of());
        } catch (UncheckedIOException noAnswer) {
            count(what, "no answer");
            errors.add(what + " " + method + " " + path + ": no answer: " + noAnswer.getCause());
            return null;
        }
        int status = reply.status();
        count(what, Integer.toString(status));
        if (status >= 200 && status < 300) {
            return reply.body() == null ? Revos.object() : reply.body();
        }
        String contentType = reply.header("Content-Type");
        if (status >= 500 || contentType == null || !contentType.startsWith(PROBLEM)) {
            errors.add(what + " " + method + " " + path + " -> " + status + " (" + contentType + "): "
                    + reply.raw().body());
        } else {
            refused.add(what + " " + method + " " + path + " -> " + status + ": " + reply.raw().body());
        }
        return null;
    }

    private void count(String what, String outcome) {
        byStatus.computeIfAbsent(what.replace(' ', '-') + ":" + outcome, k -> new AtomicLong()).incrementAndGet();
    }
}
