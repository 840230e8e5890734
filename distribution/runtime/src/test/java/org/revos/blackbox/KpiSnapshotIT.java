package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The KPI engine's facts kept on disk across restarts (issue 17): after a clean stop the first KPI answer of the next
 * start is the one before and comes from the tenant's sealed file, not from reading the store; a write made while the
 * KPI engine was uninstalled, or right before a {@code kill -9}, makes the file useless, and the figures include the
 * write. Runs processes of its own on one data folder.
 */
class KpiSnapshotIT {

    private static final String ADMIN = RevosProcess.ADMIN_KEY;
    private static final String ENGINE = "org.revos.kpi";
    private static final String SUMMARY = "/revenue/summary?period=2026-Q1";
    private static final Duration BOUND = Duration.ofSeconds(30);

    @Test
    void theFirstAnswerAfterARestartComesFromTheSealedFileAndNeverMissesAWrite() throws Exception {
        Map<String, String> env = RevosProcess.ownFolders("kpi-snapshot-");
        Path kpiFolder = Path.of(env.get("REVOS_DATA_DIR")).resolve("kpi");
        Revos.Tenant tenant;
        String account;
        BigDecimal ending;
        try (RevosProcess first = RevosProcess.start(env)) {
            Revos revos = new Revos(first);
            tenant = revos.newTenant("snapshot");
            account = revos.post(tenant.member(), "/accounts", Map.of("name", "Counted")).expect(201).get("id")
                    .asText();
            revenue(revos, tenant, account, "2026-01-10T00:00:00Z", "NEW", 3000);
            ending = revos.get(tenant.readOnly(), SUMMARY).expect(200).get("ending").decimalValue();
            assertEquals(0, new BigDecimal("3000").compareTo(ending), "ending ARR " + ending);
        }
        Path file = kpiFolder.resolve(tenant.id() + ".facts");
        assertTrue(Files.isRegularFile(file), "a clean stop writes the tenant's facts to " + file);

        try (RevosProcess second = RevosProcess.start(env)) {
            Revos revos = new Revos(second);
            JsonNode summary = revos.get(tenant.readOnly(), SUMMARY).expect(200);
            assertEquals(0, ending.compareTo(summary.get("ending").decimalValue()), summary::toString);
            assertTrue(loaded(second, tenant), () -> "served from the file:\n" + second.logText());
            assertFalse(readWhole(second, tenant), () -> "not read from the store:\n" + second.logText());

            // away: the engine's stop seals the file again; a write while no engine listens clears the seal
            Revos.Reply removed = revos.delete(ADMIN, "/admin/plugins/" + ENGINE);
            assertTrue(removed.status() < 300, () -> "uninstall answered " + removed.raw().body());
            await(revos, tenant, 404);
            revenue(revos, tenant, account, "2026-02-10T00:00:00Z", "EXPANSION", 500);
            revos.post(ADMIN, "/admin/plugins/" + ENGINE + "/restore", null).expect(201);
            JsonNode back = await(revos, tenant, 200);
            assertEquals(0, ending.add(new BigDecimal("500")).compareTo(back.get("ending").decimalValue()),
                    () -> "the write made while the engine was away counts: " + back);
            assertTrue(readWhole(second, tenant), () -> "the reinstalled engine read the store:\n"
                    + second.logText());
        }

        try (RevosProcess third = RevosProcess.start(env)) {
            Revos revos = new Revos(third);
            JsonNode summary = revos.get(tenant.readOnly(), SUMMARY).expect(200);
            assertEquals(0, ending.add(new BigDecimal("500")).compareTo(summary.get("ending").decimalValue()),
                    summary::toString);
            assertTrue(loaded(third, tenant), () -> "the stop after the write sealed a new file:\n"
                    + third.logText());
            revenue(revos, tenant, account, "2026-03-01T00:00:00Z", "EXPANSION", 200);
            third.kill(); // no clean stop: the file on disk is the one without the write
        }

        try (RevosProcess fourth = RevosProcess.start(env)) {
            Revos revos = new Revos(fourth);
            JsonNode summary = revos.get(tenant.readOnly(), SUMMARY).expect(200);
            assertEquals(0, ending.add(new BigDecimal("700")).compareTo(summary.get("ending").decimalValue()),
                    () -> "the write before the kill counts: " + summary);
            assertFalse(loaded(fourth, tenant), () -> "the outdated file is not used:\n" + fourth.logText());
            assertTrue(readWhole(fourth, tenant), fourth::logText);
        }
    }

    private static void revenue(Revos revos, Revos.Tenant t, String account, String at, String kind, int arr) {
        revos.post(t.member(), "/revenue-events", Map.of("accountId", account, "occurredAt", at, "kind", kind,
                "arrDelta", arr)).expect(201);
    }

    private static JsonNode await(Revos revos, Revos.Tenant t, int status) {
        java.util.Set<Integer> seen = new java.util.TreeSet<>();
        Await.until(() -> {
            seen.add(revos.get(t.readOnly(), SUMMARY).status());
            return null;
        }, ignored -> seen.contains(status), BOUND);
        Revos.Reply last = revos.get(t.readOnly(), SUMMARY);
        assertEquals(status, last.status(), () -> SUMMARY + " answered " + seen + ", last " + last.raw().body());
        return last.body();
    }

    private static boolean loaded(RevosProcess process, Revos.Tenant t) {
        return process.logText().contains("Loaded the facts of tenant " + t.id() + " from");
    }

    private static boolean readWhole(RevosProcess process, Revos.Tenant t) {
        return process.logText().contains("Read the facts of tenant " + t.id() + " in");
    }
}
