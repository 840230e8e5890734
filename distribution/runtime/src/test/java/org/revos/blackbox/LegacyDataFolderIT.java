package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A data folder written by an earlier RevOS (see {@code src/test/resources/legacy/README.md}) opens with today's
 * runtime: its tenants, keys, objects, stage history, revenue and credit rules are there, figures computed from them
 * are right, and new writes work on the migrated schema, the deals' ownership history (which the folder lacks)
 * included.
 */
class LegacyDataFolderIT {

    private static final String PLATFORM_KEY = "rvs_legacy-folder-platform-admin-key-0001";
    private static final String TENANT_KEY = "rvs_-iS9LDsQ8mzVPfSvk7CBFoRkcq83X2jcao3xbvykFQg";
    private static final String TENANT = "ten_01M98KT68PKJXXEMRRV7NEKR5G";
    private static final String ACCOUNT = "acc_01M98KT8CWMCV2195MA8DRQNW5";
    private static final String DEAL = "deal_01M98KT93HJHPBQRY5QX979SZD";

    @Test
    void aFolderOfTheEarlierRuntimeOpensWithItsDataAndTakesNewWrites() throws Exception {
        Map<String, String> env = RevosProcess.ownFolders("legacy-");
        Path data = Path.of(env.get("REVOS_DATA_DIR"));
        unzip("/legacy/data-folder-1c6fc9f.zip", data.getParent());
        assertTrue(Files.isDirectory(data.resolve("db")), "the fixture holds a Derby database");
        try (RevosProcess process = RevosProcess.start(Map.of("REVOS_DATA_DIR", env.get("REVOS_DATA_DIR"),
                "REVOS_DEPLOY_DIR", env.get("REVOS_DEPLOY_DIR"), "REVOS_ADMIN_KEY", PLATFORM_KEY))) {
            Revos revos = new Revos(process);
            JsonNode tenants = revos.get(PLATFORM_KEY, "/admin/tenants").expect(200);
            assertTrue(tenants.get("items").findValuesAsText("id").contains(TENANT), tenants::toString);

            JsonNode account = revos.get(TENANT_KEY, "/accounts/" + ACCOUNT).expect(200);
            assertEquals("crm-1", account.get("externalId").asText());
            JsonNode deal = revos.get(TENANT_KEY, "/deals/" + DEAL).expect(200);
            assertEquals("CLOSED_WON", deal.get("stage").asText());
            assertEquals(2, revos.get(TENANT_KEY, "/deals/" + DEAL + "/transitions").expect(200).get("items")
                    .size(), "the stage history is kept");

            JsonNode won = revos.get(TENANT_KEY, "/kpis/won_revenue?period=2026-Q4").expect(200);
            assertEquals(0, new BigDecimal("12500.50").compareTo(won.get("value").decimalValue()), won::toString);
            JsonNode summary = revos.get(TENANT_KEY, "/revenue/summary?period=2026-Q4").expect(200);
            assertEquals(0, new BigDecimal("12500.50").compareTo(summary.get("ending").decimalValue()),
                    summary::toString);
            assertEquals(1, revos.get(TENANT_KEY, "/credit/rules").expect(200).get("items").size());

            String user = revos.post(TENANT_KEY, "/users", Map.of("name", "Bo", "role", "AM")).expect(201)
                    .get("id").asText();
            String next = revos.post(TENANT_KEY, "/deals", Map.of("accountId", ACCOUNT, "ownerId", user, "name",
                    "Second", "type", "EXPANSION", "arr", 2000)).expect(201).get("id").asText();
            revos.post(TENANT_KEY, "/deals/" + next + "/transitions", Map.of("toStage", "CLOSED_WON")).expect(200);
            String quarter = currentQuarter();
            int wonThisQuarter = quarter.equals("2026-Q4") ? 2 : 1; // the fixture's deal was won in 2026-Q4
            assertEquals(wonThisQuarter, revos.get(TENANT_KEY, "/kpis/deals_won?period=" + quarter).expect(200)
                    .get("value").asInt());

            // The folder predates deals' ownership history: its deal counts as its owner's since its creation, and
            // its first change of owner keeps that, so revenue back-dated to then is still the first owner's.
            String ann = deal.get("ownerId").asText();
            revos.patch(TENANT_KEY, "/deals/" + DEAL, Map.of("ownerId", user)).expect(200);
            String backDated = expansion(revos, deal.get("createdAt").asText());
            String recent = expansion(revos, java.time.Instant.now().toString());
            assertEquals(ann, revos.get(TENANT_KEY, "/revenue-events/" + backDated).expect(200).get("dealOwnerId")
                    .asText());
            assertEquals(user, revos.get(TENANT_KEY, "/revenue-events/" + recent).expect(200).get("dealOwnerId")
                    .asText());
            Map<String, BigDecimal> green = new java.util.HashMap<>();
            revos.get(TENANT_KEY, "/credit/accounts/" + ACCOUNT).expect(200).get("green").forEach(l -> green.merge(
                    l.get("ownerId").asText(), l.get("amount").decimalValue(), BigDecimal::add));
            assertEquals(0, new BigDecimal("12600.50").compareTo(green.get(ann)), green::toString);
            assertEquals(0, new BigDecimal("2100").compareTo(green.get(user)), green::toString); // Second, then 100
            assertEquals(2, green.size(), green::toString);
        }
    }

    /**
     * Adoption moved from the kernel into its engine bundle; a folder written while the kernel held it opens with its
     * initiatives and items, served by the engine, which takes new writes on the same tables.
     */
    @Test
    void initiativesWrittenWhileTheKernelHeldAdoptionAreTheEnginesNow() throws Exception {
        String platformKey = "rvs_legacy-folder-platform-admin-key-0002";
        String tenantKey = "rvs_5M0-4z5QKNSDNXxYf6YGS-n5Auj5r_9TIaT3URziCno";
        String initiative = "ini_01M98V5Z0Q1E30D0EF960Z5SDX";
        Map<String, String> env = RevosProcess.ownFolders("legacy-adoption-");
        Path data = Path.of(env.get("REVOS_DATA_DIR"));
        unzip("/legacy/data-folder-3f7489e-adoption.zip", data.getParent());
        try (RevosProcess process = RevosProcess.start(Map.of("REVOS_DATA_DIR", env.get("REVOS_DATA_DIR"),
                "REVOS_DEPLOY_DIR", env.get("REVOS_DEPLOY_DIR"), "REVOS_ADMIN_KEY", platformKey))) {
            Revos revos = new Revos(process);
            JsonNode stored = revos.get(tenantKey, "/adoption/initiatives/" + initiative).expect(200);
            assertEquals("ini-1", stored.get("externalId").asText());
            assertEquals("DONE", stored.get("phases").get("discovery").get("status").asText(), stored::toString);
            assertEquals("2026-11-20", stored.get("phases").get("discovery").get("end").asText());
            JsonNode items = revos.get(tenantKey, "/adoption/items?initiativeId=" + initiative).expect(200);
            assertEquals(List.of("Write the call policy"), items.get("items").findValuesAsText("text"));
            JsonNode checklist = revos.get(tenantKey, "/adoption/initiatives/" + initiative + "/checklist")
                    .expect(200);
            assertEquals("Log every call", checklist.get("name").asText());
            revos.post(tenantKey, "/properties", Map.of("objectType", "DEAL", "key", "budget", "type", "NUMBER"))
                    .expect(201);
            JsonNode usage = revos.get(tenantKey, "/properties/usage").expect(200);
            assertEquals(List.of("initiative:" + initiative), texts(usage.get("items").get(0).get("readBy")),
                    "an initiative about a property reads it: " + usage);

            String next = revos.post(tenantKey, "/adoption/items", Map.of("initiativeId", initiative, "tactic",
                    "TRAIN", "kind", "TRAINING", "text", "Demo the call log", "userId", stored.get("ownerId")
                            .asText())).expect(201).get("id").asText();
            assertEquals(2, revos.get(tenantKey, "/adoption/items?initiativeId=" + initiative).expect(200)
                    .get("items").size(), "new items join the stored ones: " + next);
            Revos.Reply refused = revos.delete(tenantKey, "/users/" + stored.get("ownerId").asText());
            assertEquals(409, refused.status(), () -> "the engine's references hold: " + refused.raw().body());
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** @return the id of an EXPANSION of 100.00 on the fixture's deal */
    private static String expansion(Revos revos, String occurredAt) {
        return revos.post(TENANT_KEY, "/revenue-events", Map.of("accountId", ACCOUNT, "occurredAt", occurredAt,
                "kind", "EXPANSION", "arrDelta", 100, "dealId", DEAL)).expect(201).get("id").asText();
    }

    private static String currentQuarter() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));
        return today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
    }

    private static void unzip(String resource, Path into) throws IOException {
        try (InputStream in = LegacyDataFolderIT.class.getResourceAsStream(resource);
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("The fixture names a file outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
    }
}
