package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Kill -9 under write load, again and again on the same data folder. Several clients POST accounts, deals and
 * activities, each with its own {@code Idempotency-Key}; the runtime is killed (SIGKILL) at a random moment while
 * they write, and started again on the same data. After every restart:
 * <ul>
 * <li>every write that was acknowledged (201) in any cycle so far is there, by id, with what was sent;</li>
 * <li>the writes that were in flight when the process died (no answer) are sent again with the same
 * Idempotency-Key, as a client would: each is answered 201, either as a replay of a write that committed or as the
 * write itself, and none exists twice afterwards.</li>
 * </ul>
 * {@code -Drevos.kill.cycles} (default 3), {@code -Drevos.kill.clients} (default 6), {@code -Drevos.kill.seed}. The
 * figures go to {@code target/reliability/kill.properties}.
 */
class KillCyclesIT {

    private static final int CYCLES = Integer.getInteger("revos.kill.cycles", 3);
    private static final int CLIENTS = Integer.getInteger("revos.kill.clients", 6);
    private static final long SEED = Long.getLong("revos.kill.seed", 20261207L);
    /** Kinds written, with the collection path and the member that carries the write's unique name. */
    private static final Map<String, String> NAME_MEMBER = Map.of("accounts", "name", "deals", "name", "activities",
            "subject");

    /** A write as sent: where, what, with which key; {@code id} once it was acknowledged. */
    private record Write(String collection, String name, Map<String, Object> body, String idempotencyKey, String id) {
        Write acknowledged(String newId) {
            return new Write(collection, name, body, idempotencyKey, newId);
        }
    }

    private final Random random = new Random(SEED);
    /** Every acknowledged write of every cycle, by id. */
    private final Map<String, Write> acknowledged = new ConcurrentHashMap<>();
    /** Writes sent that got no answer because the process died under them. */
    private final List<Write> inDoubt = Collections.synchronizedList(new ArrayList<>());
    /** Answers during load that were neither 201 nor a failure to connect: none are expected. */
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());

    @Test
    void everyAcknowledgedWriteSurvivesEveryKill() throws Exception {
        Map<String, String> folders = RevosProcess.ownFolders("kill-");
        String key;
        RevosProcess process = RevosProcess.start(folders);
        try {
            key = new Revos(process).newTenant("kill cycles").member();
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        long retried = 0;
        long replayed = 0;
        long maxRestartMillis = 0;
        List<Long> killedAfter = new ArrayList<>();
        long loadStarted = System.nanoTime();
        try {
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                long loadMillis = 1000 + random.nextInt(1500);
                killedAfter.add(loadMillis);
                write(process, key, cycle, loadMillis);

                long restart = System.nanoTime();
                process = RevosProcess.start(folders);
                maxRestartMillis = Math.max(maxRestartMillis, (System.nanoTime() - restart) / 1_000_000);
                Revos revos = new Revos(process);
                List<Write> doubts;
                synchronized (inDoubt) {
                    doubts = new ArrayList<>(inDoubt);
                    inDoubt.clear();
                }
                for (Write w : doubts) {
                    Revos.Reply reply = revos.send(key, "POST", "/" + w.collection(), w.body(),
                            Map.of("Idempotency-Key", w.idempotencyKey()));
                    assertEquals(201, reply.status(), () -> "a retry of an unanswered write after the restart: "
                            + reply.raw().body());
                    retried++;
                    if ("true".equals(reply.header("Idempotent-Replayed"))) {
                        replayed++;
                    }
                    acknowledged.put(reply.body().get("id").asText(), w.acknowledged(reply.body().get("id").asText()));
                }
                verify(revos, key, cycle);
            }
        } finally {
            process.close();
        }
        long seconds = (System.nanoTime() - loadStarted) / 1_000_000_000;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("cycles", CYCLES);
        figures.put("clients", CLIENTS);
        figures.put("seed", SEED);
        figures.put("acknowledgedWrites", acknowledged.size());
        figures.put("lost", 0);
        figures.put("duplicates", 0);
        figures.put("unansweredRetried", retried);
        figures.put("unansweredThatHadCommitted", replayed);
        figures.put("killedAfterMillis", killedAfter.toString().replace(" ", ""));
        figures.put("slowestRestartMillis", maxRestartMillis);
        figures.put("seconds", seconds);
        Figures.write("kill.properties", figures);
        assertEquals(List.of(), unexpected, "every write the runtime answered while it ran was accepted");
    }

    /** Runs the clients against {@code process} and kills it under them after {@code loadMillis}. */
    private void write(RevosProcess process, String key, int cycle, long loadMillis) throws InterruptedException {
        Revos revos = new Revos(process);
        AtomicBoolean killed = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Random own = new Random(SEED * 31 + cycle * 1000L + c);
            Thread thread = new Thread(() -> {
                List<String> accounts = new ArrayList<>();
                for (int seq = 0; !killed.get(); seq++) {
                    String name = "kc-" + cycle + "-" + client + "-" + seq;
                    Map<String, Object> body = new HashMap<>();
                    String collection;
                    int pick = accounts.isEmpty() ? 0 : own.nextInt(3);
                    if (pick == 0) {
                        collection = "accounts";
                        body.put("name", name);
                        body.put("country", "DE");
                    } else if (pick == 1) {
                        collection = "deals";
                        body.put("name", name);
                        body.put("accountId", accounts.get(own.nextInt(accounts.size())));
                        body.put("arr", 1000 + own.nextInt(9000));
                    } else {
                        collection = "activities";
                        body.put("subject", name);
                        body.put("type", "CALL");
                        body.put("accountId", accounts.get(own.nextInt(accounts.size())));
                    }
                    Write w = new Write(collection, name, body, "kill-" + name, null);
                    try {
                        Revos.Reply reply = revos.send(key, "POST", "/" + collection, body,
                                Map.of("Idempotency-Key", w.idempotencyKey()));
                        if (reply.status() == 201) {
                            String id = reply.body().get("id").asText();
                            acknowledged.put(id, w.acknowledged(id));
                            if (collection.equals("accounts")) {
                                accounts.add(id);
                            }
                        } else {
                            unexpected.add("cycle " + cycle + " " + collection + " -> " + reply.status() + ": "
                                    + reply.raw().body());
                        }
                    } catch (UncheckedIOException noAnswer) {
                        // The process died with this write in flight (or before it arrived): its fate is unknown.
                        inDoubt.add(w);
                    }
                }
            }, "kill-client-" + c);
            thread.start();
            clients.add(thread);
        }
        Thread.sleep(loadMillis);
        // Clients finish the request they are in (which the kill cuts off) and send no more.
        killed.set(true);
        process.kill();
        for (Thread t : clients) {
            t.join(60_000);
        }
        process.close();
    }

    /** Every acknowledged write is there with what was sent, and none is there twice. */
    private void verify(Revos revos, String key, int cycle) {
        Map<String, String> stored = new HashMap<>();
        Map<String, Integer> names = new HashMap<>();
        for (Map.Entry<String, String> kind : NAME_MEMBER.entrySet()) {
            String cursor = null;
            do {
                JsonNode page = revos.get(key, "/" + kind.getKey() + "?limit=500"
                        + (cursor == null ? "" : "&cursor=" + cursor)).expect(200);
                for (JsonNode item : page.get("items")) {
                    String name = item.path(kind.getValue()).asText();
                    stored.put(item.get("id").asText(), name);
                    names.merge(name, 1, Integer::sum);
                }
                cursor = page.get("next").isNull() ? null : page.get("next").asText();
            } while (cursor != null);
        }
        List<String> lost = new ArrayList<>();
        acknowledged.forEach((id, w) -> {
            if (!w.name().equals(stored.get(id))) {
                lost.add(w.collection() + " " + id + " (" + w.name() + "): " + stored.get(id));
            }
        });
        List<String> twice = names.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        assertEquals(List.of(), lost.stream().limit(20).toList(), "after kill " + cycle + ", " + lost.size() + " of "
                + acknowledged.size() + " acknowledged writes are lost");
        assertEquals(List.of(), twice, "after kill " + cycle + ", writes stored twice");
        assertTrue(stored.size() >= acknowledged.size(), "every acknowledged write is stored");
    }
}
