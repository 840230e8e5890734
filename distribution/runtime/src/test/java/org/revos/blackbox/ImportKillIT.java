package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A runtime killed (SIGKILL) in the middle of writing an import: after a restart on the same data the job is FAILED
 * from the first answer after health said UP, says it was interrupted and resumable, exactly the rows it reports as written are in, and a resume finishes the
 * import with every row once.
 */
class ImportKillIT {

    private static final int ROWS = 8_000;

    @Test
    void aKillDuringAnImportLeavesAResumableJobNeverASilentHalfImport() throws Exception {
        StringBuilder csv = new StringBuilder("externalId,name,country\n");
        for (int i = 1; i <= ROWS; i++) {
            csv.append("K-").append(i).append(",Company ").append(i).append(",US\n");
        }
        String jobId;
        String tenantKey;
        String dataDir;
        try (RevosProcess first = RevosProcess.start(Map.of())) {
            Revos revos = new Revos(first);
            Revos.Tenant t = revos.newTenant("killed import");
            tenantKey = t.member();
            dataDir = first.workDir().resolve("data").toString();
            jobId = revos.sendBytes(tenantKey, "POST", "/imports?object=accounts",
                    csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv").expect(202).get("id").asText();
            await(revos, tenantKey, jobId, job -> job.get("done").asLong() > ROWS + 400, Duration.ofSeconds(120));
            first.kill();
        }
        try (RevosProcess second = RevosProcess.start(Map.of("REVOS_DATA_DIR", dataDir))) {
            Revos revos = new Revos(second);
            JsonNode first = revos.get(tenantKey, "/jobs/" + jobId).expect(200);
            assertEquals("FAILED", first.get("status").asText(), "health said UP, so the job is marked: " + first);
            assertTrue(first.get("detail").asText().contains("interrupted"), first.toString());
            JsonNode job = await(revos, tenantKey, jobId, j -> j.get("result").path("resumable").asBoolean(),
                    Duration.ofSeconds(30));
            assertEquals("FAILED", job.get("status").asText());
            assertTrue(job.get("detail").asText().contains("interrupted"), job.toString());
            long written = job.get("result").get("rowsWritten").asLong();
            assertTrue(written > 0 && written < ROWS, "killed while writing: " + job);
            assertEquals(written, count(revos, tenantKey), "exactly the rows the job reports are in");

            revos.post(tenantKey, "/imports/" + jobId + "/resume", null).expect(202);
            JsonNode resumed = await(revos, tenantKey, jobId, j -> j.get("status").asText().equals("SUCCEEDED")
                    || j.get("status").asText().equals("FAILED"), Duration.ofSeconds(180));
            assertEquals("SUCCEEDED", resumed.get("status").asText(), resumed.toString());
            assertEquals(ROWS, count(revos, tenantKey), "every row once");
            revos.post(tenantKey, "/imports/" + jobId + "/resume", null).expect(409);
        }
    }

    private static long count(Revos revos, String key) {
        long n = 0;
        String cursor = null;
        do {
            JsonNode page = revos.get(key, "/accounts?limit=500" + (cursor == null ? "" : "&cursor=" + cursor))
                    .expect(200);
            n += page.get("items").size();
            cursor = page.get("next").isNull() ? null : page.get("next").asText();
        } while (cursor != null);
        return n;
    }

    private static JsonNode await(Revos revos, String key, String jobId,
            java.util.function.Predicate<JsonNode> until, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        JsonNode job = null;
        while (System.nanoTime() < deadline) {
            job = revos.get(key, "/jobs/" + jobId).expect(200);
            if (until.test(job)) {
                return job;
            }
            if (job.get("status").asText().equals("SUCCEEDED")) {
                throw new AssertionError("the import finished before the kill; make it larger: " + job);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("job " + jobId + " did not get there in " + bound + ": " + job);
    }
}
