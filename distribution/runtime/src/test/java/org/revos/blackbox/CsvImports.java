package org.revos.blackbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/** Imports CSV files into a running RevOS and reads back what they made, for the black-box import tests. */
final class CsvImports {

    private final Revos revos;

    CsvImports(Revos revos) {
        this.revos = revos;
    }

    /**
     * @param more further query parameters, such as {@code revenueEvents=skip}, or {@code null}
     * @return the finished job
     */
    JsonNode importCsv(Revos.Tenant t, String object, String format, String mode, String csv, String more) {
        JsonNode accepted = revos.sendBytes(t.member(), "POST", path(object, format, mode, more),
                csv.getBytes(StandardCharsets.UTF_8), "text/csv").expect(202);
        return awaitJob(t, accepted.get("id").asText());
    }

    /** @return the report of a dry run of the same import */
    Revos.Reply dryRun(Revos.Tenant t, String object, String format, String csv, String more) {
        return revos.sendBytes(t.member(), "POST", path(object, format, null, more == null ? "dryRun=true"
                : "dryRun=true&" + more), csv.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    JsonNode awaitJob(Revos.Tenant t, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = revos.get(t.readOnly(), "/jobs/" + id).expect(200);
            String status = job.get("status").asText();
            if (status.equals("SUCCEEDED") || status.equals("FAILED")) {
                return job;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    /** @return every object of a collection, through all its pages */
    List<JsonNode> list(Revos.Tenant t, String collection) {
        List<JsonNode> out = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = revos.get(t.readOnly(), "/" + collection + "?limit=500"
                    + (cursor == null ? "" : "&cursor=" + cursor)).expect(200);
            page.get("items").forEach(out::add);
            cursor = page.get("next").isNull() ? null : page.get("next").asText();
        } while (cursor != null);
        return out;
    }

    static Map<String, JsonNode> byExternalId(List<JsonNode> items) {
        Map<String, JsonNode> out = new TreeMap<>();
        items.forEach(i -> out.put(i.get("externalId").asText(), i));
        return out;
    }

    private static String path(String object, String format, String mode, String more) {
        return "/imports?object=" + object + "&format=" + format + (mode == null ? "" : "&mode=" + mode)
                + (more == null ? "" : "&" + more);
    }
}
