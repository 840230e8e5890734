package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Enrichment with org.revos.integration.enrichment, which ships with the runtime: a tenant points the plugin at its
 * reference file, a name in its own folder (REVOS_DATA_DIR/tenants/&lt;id&gt;/files); accounts and leads created with only a domain get country, employees and industry a moment after
 * the create answered, with a record of where each came from; what a user set is never overwritten; a tenant without
 * a reference file is unaffected.
 */
@ExtendWith(RevosExtension.class)
class EnrichmentIT {

    private static final String PLUGIN = "org.revos.integration.enrichment";

    private final Revos revos;

    EnrichmentIT(Revos revos) {
        this.revos = revos;
    }

    @Test
    void fillsMissingFirmographicsFromTheTenantsReferenceFileAndRecordsWhereTheyCameFrom() throws IOException {
        Revos.Tenant other = revos.newTenant("enrichment: no reference file");
        String untouched = revos.post(other.member(), "/accounts", Map.of("name", "Acme elsewhere", "domain",
                "acme.com")).expect(201).get("id").asText();

        Revos.Tenant t = revos.newTenant("enrichment");
        Path file = revos.process().tenantFiles(t.id()).resolve("reference/firmographics.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                domain,country,employees,industry,company
                acme.com,de,1200,Software,Acme GmbH
                globex.com,US,50000,Manufacturing,Globex
                """);
        revos.send(RevosProcess.ADMIN_KEY, "PUT", "/admin/tenants/" + t.id() + "/plugins/" + PLUGIN,
                Map.of("enabled", true, "config", Map.of("referenceFile", "reference/firmographics.csv")), Map.of())
                .expect(200);
        awaitConfigured(t);

        JsonNode created = revos.post(t.member(), "/accounts", Map.of("name", "Acme", "domain", "www.acme.com"))
                .expect(201);
        String acme = created.get("id").asText();
        JsonNode enriched = awaitEnriched(t, "/accounts/" + acme, "industry");
        assertEquals("DE", enriched.get("country").asText());
        assertEquals(1200, enriched.get("employees").asInt());
        assertEquals("Software", enriched.get("industry").asText());
        for (String field : new String[] { "country", "employees", "industry" }) {
            JsonNode record = enriched.get("enriched").get(field);
            assertEquals(PLUGIN, record.get("provider").asText(), field);
            assertTrue(record.get("at").asText().endsWith("Z"), field);
        }
        assertEquals(1200, enriched.get("enriched").get("employees").get("value").asInt());

        String globex = revos.post(t.member(), "/accounts", Map.of("name", "Globex", "domain", "globex.com",
                "country", "CA")).expect(201).get("id").asText();
        JsonNode partly = awaitEnriched(t, "/accounts/" + globex, "employees");
        assertEquals("CA", partly.get("country").asText(), "a field the user set is left alone");
        assertEquals("Manufacturing", partly.get("industry").asText());
        assertFalse(partly.get("enriched").has("country"));

        JsonNode patched = revos.patch(t.member(), "/accounts/" + acme, Map.of("industry", "Fintech")).expect(200);
        assertEquals("Fintech", patched.get("industry").asText());
        assertFalse(patched.get("enriched").has("industry"), "a field the user rewrote is no longer enriched");
        assertTrue(patched.get("enriched").has("country"));
        assertEquals(400, revos.patch(t.member(), "/accounts/" + acme, Map.of("enriched", Map.of())).status(),
                "the record is read-only");

        String lead = revos.post(t.member(), "/leads", Map.of("email", "jane@acme.com")).expect(201).get("id")
                .asText();
        JsonNode enrichedLead = awaitEnriched(t, "/leads/" + lead, "company");
        assertEquals("Acme GmbH", enrichedLead.get("company").asText());
        assertEquals("DE", enrichedLead.get("country").asText());
        assertEquals(1200, enrichedLead.get("employees").asInt());

        JsonNode elsewhere = revos.get(other.readOnly(), "/accounts/" + untouched).expect(200);
        assertTrue(elsewhere.get("country").isNull(), "another tenant without a reference file is unaffected");
        assertTrue(elsewhere.get("employees").isNull());
        assertEquals(0, elsewhere.get("enriched").size());
    }

    @Test
    void aBrokenReferenceFileNeverHoldsUpACreateAndTheEnrichmentLandsOnceItIsFixed() throws IOException {
        Revos.Tenant t = revos.newTenant("enrichment: broken file");
        Path file = revos.process().tenantFiles(t.id()).resolve("firmographics.csv");
        String good = "domain,country,employees,industry\nacme.com,DE,1200,Software\n";
        Files.writeString(file, good);
        revos.send(RevosProcess.ADMIN_KEY, "PUT", "/admin/tenants/" + t.id() + "/plugins/" + PLUGIN,
                Map.of("enabled", true, "config", Map.of("referenceFile", "firmographics.csv")), Map.of()).expect(200);
        awaitConfigured(t);

        Files.writeString(file, "site,country\nacme.com,FR\n");
        long started = System.nanoTime();
        String id = revos.post(t.member(), "/accounts", Map.of("name", "Acme", "domain", "acme.com")).expect(201)
                .get("id").asText();
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(2).toNanos(), "the create answers at once");
        JsonNode waiting = Await.until(() -> revos.get(t.readOnly(), "/accounts/" + id).expect(200),
                a -> a.get("enriched").size() > 0, Duration.ofSeconds(1));
        assertEquals(0, waiting.get("enriched").size(), "nothing from a file without a domain column");

        Files.writeString(file, good);
        JsonNode enriched = awaitEnriched(t, "/accounts/" + id, "country");
        assertEquals("DE", enriched.get("country").asText(), "retried with back-off until the file was fixed");
        assertEquals("Software", enriched.get("industry").asText());
    }

    /** Tenant settings reach the plugin through Configuration Admin, a moment after the PUT answered. */
    private void awaitConfigured(Revos.Tenant t) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String probe = revos.post(t.member(), "/accounts", Map.of("name", "probe", "domain", "acme.com"))
                    .expect(201).get("id").asText();
            JsonNode seen = Await.until(() -> revos.get(t.readOnly(), "/accounts/" + probe).expect(200),
                    a -> a.get("enriched").size() > 0, Duration.ofSeconds(3));
            if (seen.get("enriched").size() > 0) {
                return;
            }
        }
        throw new AssertionError("the tenant's reference file was never used");
    }

    private JsonNode awaitEnriched(Revos.Tenant t, String path, String field) {
        JsonNode seen = Await.until(() -> revos.get(t.readOnly(), path).expect(200),
                o -> o.get("enriched").has(field), Duration.ofSeconds(15));
        assertTrue(seen.get("enriched").has(field), path + " was not enriched: " + seen);
        return seen;
    }
}
