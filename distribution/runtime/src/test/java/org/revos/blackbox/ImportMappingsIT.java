package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Migrations from HubSpot and Salesforce keep their meaning: files shaped like those CRMs' standard exports (custom
 * stages, unknown owners and blank amounts included) land with their stages, deal types, owners, loss reasons and
 * lifecycle stages mapped; a dry run lists every value that maps onto nothing before anything is written; and the
 * revenue bridge and won-revenue KPI of the imported tenant add up to the won deals' amounts, on their close dates.
 */
@ExtendWith(RevosExtension.class)
class ImportMappingsIT {

    private final Revos revos;
    private final CsvImports csv;

    ImportMappingsIT(Revos revos) {
        this.revos = revos;
        this.csv = new CsvImports(revos);
    }

    @Test
    void aDryRunValueOtherThanTrueOrFalseIsRefusedNotTakenForARealImport() {
        Revos.Tenant t = revos.newTenant("dry-run-word");
        Revos.Reply reply = revos.sendBytes(t.admin(), "POST", "/imports?object=accounts&format=hubspot&dryRun=maybe",
                "Company name\nInitech\n".getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(400, reply.status(), reply.raw().body());
        assertTrue(reply.body().get("errors").findValuesAsText("field").contains("dryRun"), reply.raw().body());
        assertEquals(0, revos.get(t.readOnly(), "/accounts").expect(200).get("items").size(), "nothing imported");
    }

    @Test
    void hubSpotDealsKeepTheirStagesTypesOwnersAndRevenue() {
        Revos.Tenant t = revos.newTenant("hubspot migration");
        String ann = user(t, "Ann Lee", "ann@acme.test");
        String bob = user(t, "Bob Ray", "bob@acme.test");

        JsonNode companies = csv.importCsv(t, "accounts", "hubspot", null, sample("hubspot-migration-companies.csv"),
                null);
        assertEquals("SUCCEEDED", companies.get("status").asText(), companies.toString());
        Map<String, JsonNode> accounts = CsvImports.byExternalId(csv.list(t, "accounts"));
        assertEquals(ann, accounts.get("9101").get("ownerId").asText(), "owner by e-mail");
        assertEquals(bob, accounts.get("9102").get("ownerId").asText(), "owner by name");
        assertTrue(accounts.get("9103").get("ownerId").isNull());
        assertEquals("SQL", accounts.get("9101").get("properties").get("lifecycleStage").asText());
        assertEquals("MQL", accounts.get("9102").get("properties").get("lifecycleStage").asText());

        JsonNode defaults = revos.get(t.readOnly(), "/imports/mappings/hubspot").expect(200).get("defaults");
        assertEquals("CLOSED_WON", defaults.get("stages").get("closedwon").asText());
        assertEquals("QUALIFICATION", defaults.get("stages").get("Appointment Scheduled").asText());
        assertEquals("NEGOTIATION", defaults.get("stages").get("Contract Sent").asText());
        assertEquals("EXPANSION", defaults.get("dealTypes").get("existingbusiness").asText());

        String deals = sample("hubspot-migration-deals.csv");
        JsonNode preview = csv.dryRun(t, "deals", "hubspot", deals, null).expect(200);
        assertEquals(8, preview.get("rows").asInt());
        assertEquals(Map.of("stages Parked", 1L, "lossReasons Went dark", 1L, "owners Former Rep", 1L),
                unmapped(preview));
        Map<String, String> becomes = becomes(preview);
        assertEquals("CLOSED_WON", becomes.get("stages closedwon"));
        assertEquals("CLOSED_WON", becomes.get("stages Closed Won"));
        assertEquals("CLOSED_WON", becomes.get("stages Signed (custom)"), "by its Is Closed Won column");
        assertEquals("NEGOTIATION", becomes.get("stages Verbal Commit"), "by its probability");
        assertEquals("CLOSED_LOST", becomes.get("stages closedlost"));
        assertEquals("EXPANSION", becomes.get("dealTypes existingbusiness"));
        assertEquals("PRICE", becomes.get("lossReasons Price"));
        assertEquals(ann, becomes.get("owners Ann Lee"));
        assertEquals(bob, becomes.get("owners bob@acme.test"));
        assertEquals("stage", preview.get("columns").get("used").get("Deal Stage").asText());
        assertTrue(preview.get("columns").get("ignored").toString().contains("Create Date"), preview.toString());
        assertEquals(List.of(), csv.list(t, "deals"), "a dry run writes nothing");

        JsonNode refused = csv.importCsv(t, "deals", "hubspot", null, deals, null);
        assertEquals("FAILED", refused.get("status").asText(), "atomic: unmapped values refuse the file");
        assertTrue(refused.get("errors").toString().contains("Former Rep"), refused.toString());
        assertEquals(List.of(), csv.list(t, "deals"));

        Map<String, Object> wrong = Map.of("stages", Map.of("Parked", "ON_ICE"), "owners", Map.of("X", "nobody"));
        JsonNode problem = revos.send(t.admin(), "PUT", "/imports/mappings/hubspot", wrong, Map.of()).expect(422);
        assertTrue(problem.toString().contains("ON_ICE") && problem.toString().contains("nobody"),
                problem.toString());
        revos.send(t.admin(), "PUT", "/imports/mappings/hubspot", Map.of("stages", Map.of("Parked",
                "QUALIFICATION"), "lossReasons", Map.of("Went dark", "NO_DECISION")), Map.of()).expect(200);
        JsonNode job = csv.importCsv(t, "deals", "hubspot", null, deals, "mapOwner=Former%20Rep=bob@acme.test");
        assertEquals("SUCCEEDED", job.get("status").asText(), job.toString());

        Map<String, JsonNode> d = CsvImports.byExternalId(csv.list(t, "deals"));
        assertDeal(d.get("7101"), "CLOSED_WON", "NEW_BUSINESS", ann, null);
        assertDeal(d.get("7102"), "CLOSED_WON", "EXPANSION", bob, null);
        assertDeal(d.get("7103"), "CLOSED_LOST", "NEW_BUSINESS", ann, "PRICE");
        assertDeal(d.get("7104"), "CLOSED_LOST", "NEW_BUSINESS", ann, "NO_DECISION");
        assertDeal(d.get("7105"), "NEGOTIATION", "EXPANSION", ann, null);
        assertDeal(d.get("7106"), "NEGOTIATION", "RENEWAL", bob, null);
        assertDeal(d.get("7107"), "CLOSED_WON", "NEW_BUSINESS", ann, null);
        assertDeal(d.get("7108"), "QUALIFICATION", "NEW_BUSINESS", bob, null);

        JsonNode summary = revos.get(t.readOnly(), "/revenue/summary?period=2026-Q1").expect(200);
        assertDecimal("17000", summary.get("new"));
        assertDecimal("3000.50", summary.get("expansion"));
        assertDecimal("20000.50", summary.get("ending"));
        assertDecimal("20000.50", kpi(t, "won_revenue?period=2026-Q1"));
        assertDecimal("3", kpi(t, "deals_won?period=2026-Q1"));
        assertDecimal("2", kpi(t, "deals_lost?period=2026-Q1"));
        assertDecimal("1", revos.get(t.readOnly(), "/revenue/summary?period=2026-Q2").expect(200).get("nrr"));
        assertEquals(Set.of("2026-02-10", "2026-03-05", "2026-03-20"), revenueDates(t));
    }

    /**
     * Issue 13: owners map onto users by e-mail, then by name; unknown owners are reported, not silently dropped. The
     * dry run names every unknown owner with the number of rows that carry it, the import refuses them, and
     * {@code mapOwner=*=} imports them without an owner on purpose while known owners keep theirs.
     */
    @Test
    void everyUnknownOwnerIsReportedWithItsCountAndStarMapsThemToNobodyOnlyWhenAsked() {
        Revos.Tenant t = revos.newTenant("unknown owners");
        String ann = user(t, "Ann Lee", "ann@acme.test");
        String companies = "Record ID,Company name,Company owner\n"
                + "9201,Acme,ann@acme.test\n"
                + "9202,Globex,Former Rep\n"
                + "9203,Initech,Former Rep\n"
                + "9204,Hooli,Gone Guy\n"
                + "9205,Umbrella,Ann Lee\n"
                + "9206,Stark,Former Rep\n"
                + "9207,Wayne,\n";
        JsonNode preview = csv.dryRun(t, "accounts", "hubspot", companies, null).expect(200);
        assertEquals(Map.of("owners Former Rep", 3L, "owners Gone Guy", 1L), unmapped(preview));
        assertEquals(4, preview.get("badRows").asInt(), preview.toString());
        preview.get("unmapped").forEach(u -> assertTrue(u.get("reason").asText().contains("no user"), u.toString()));

        JsonNode refused = csv.importCsv(t, "accounts", "hubspot", null, companies, null);
        assertEquals("FAILED", refused.get("status").asText(), "atomic: unknown owners refuse the file");
        assertTrue(refused.get("errors").toString().contains("Gone Guy"), refused.toString());
        assertEquals(List.of(), csv.list(t, "accounts"), "nothing dropped silently, nothing written");

        JsonNode caught = csv.dryRun(t, "accounts", "hubspot", companies, "mapOwner=*=").expect(200);
        assertEquals(Map.of(), unmapped(caught));
        Map<String, String> byStar = new HashMap<>();
        caught.get("mapped").forEach(m -> {
            if (m.get("becomes").isNull()) {
                byStar.put(m.get("value").asText(), m.get("count").asLong() + " " + m.get("by").asText());
            }
        });
        assertEquals(Map.of("Former Rep", "3 mapping of *: no owner", "Gone Guy", "1 mapping of *: no owner"),
                byStar, caught.toString());

        JsonNode job = csv.importCsv(t, "accounts", "hubspot", null, companies, "mapOwner=*=");
        assertEquals("SUCCEEDED", job.get("status").asText(), job.toString());
        Map<String, JsonNode> a = CsvImports.byExternalId(csv.list(t, "accounts"));
        assertEquals(7, a.size());
        assertEquals(ann, a.get("9201").get("ownerId").asText(), "a known owner is not caught by *");
        assertEquals(ann, a.get("9205").get("ownerId").asText());
        for (String unknown : List.of("9202", "9203", "9204", "9206", "9207")) {
            assertTrue(a.get(unknown).get("ownerId").isNull(), a.get(unknown).toString());
        }
    }

    @Test
    void salesforceOpportunitiesKeepTheirStagesTypesOwnersAndRevenue() {
        Revos.Tenant t = revos.newTenant("salesforce migration");
        String sara = user(t, "Sara Connor", "sara@sf.test");
        String tom = user(t, "Tom Hill", "tom@sf.test");
        JsonNode accounts = csv.importCsv(t, "accounts", "salesforce", null,
                sample("salesforce-migration-accounts.csv"), null);
        assertEquals("SUCCEEDED", accounts.get("status").asText(), accounts.toString());
        Map<String, JsonNode> byExt = CsvImports.byExternalId(csv.list(t, "accounts"));
        assertEquals(sara, byExt.get("001B000001").get("ownerId").asText());
        assertEquals(tom, byExt.get("001B000002").get("ownerId").asText());

        String opportunities = sample("salesforce-migration-opportunities.csv");
        JsonNode preview = csv.dryRun(t, "deals", "salesforce", opportunities, null).expect(200);
        assertEquals(6, preview.get("rows").asInt());
        assertEquals(2, preview.get("badRows").asInt());
        assertEquals(Map.of("owners Dana Departed", 1L, "lossReasons ", 1L), unmapped(preview));
        Map<String, String> becomes = becomes(preview);
        assertEquals("NEGOTIATION", becomes.get("stages Negotiation/Review"));
        assertEquals("NEGOTIATION", becomes.get("stages Legal Review"), "by Probability (%) with Closed 0");
        assertEquals("CLOSED_WON", becomes.get("stages Contract Signed"), "by its Won column");
        assertEquals("RENEWAL", becomes.get("dealTypes Existing Customer - Replacement"));
        assertEquals("EXPANSION", becomes.get("dealTypes Existing Customer - Upgrade"));
        assertEquals("NEW_BUSINESS", becomes.get("dealTypes New Customer"));
        assertTrue(preview.get("columns").get("ignored").toString().contains("Fiscal Period"), preview.toString());

        JsonNode job = csv.importCsv(t, "deals", "salesforce", null, opportunities,
                "mapOwner=Dana%20Departed=&mapLossReason=*=NO_DECISION");
        assertEquals("SUCCEEDED", job.get("status").asText(), job.toString());
        Map<String, JsonNode> d = CsvImports.byExternalId(csv.list(t, "deals"));
        assertDeal(d.get("006B000001"), "CLOSED_WON", "NEW_BUSINESS", sara, null);
        assertDeal(d.get("006B000002"), "CLOSED_WON", "EXPANSION", tom, null);
        assertDeal(d.get("006B000003"), "CLOSED_LOST", "NEW_BUSINESS", sara, "NO_DECISION");
        assertDeal(d.get("006B000004"), "NEGOTIATION", "RENEWAL", tom, null);
        assertDeal(d.get("006B000005"), "NEGOTIATION", "EXPANSION", tom, null);
        assertDeal(d.get("006B000006"), "CLOSED_WON", "NEW_BUSINESS", null, null);
        assertTrue(d.get("006B000003").get("arr").isNull() || d.get("006B000003").get("arr").decimalValue()
                .signum() == 0, "a blank amount stays blank");

        JsonNode summary = revos.get(t.readOnly(), "/revenue/summary?period=2026-Q1").expect(200);
        assertDecimal("47000", summary.get("new"));
        assertDecimal("10000", summary.get("expansion"));
        assertDecimal("57000", summary.get("ending"));
        assertDecimal("57000", kpi(t, "won_revenue?period=2026-Q1"));
    }

    @Test
    void leadsTakeTheirLifecycleStageAndRequestMappingsAreChecked() {
        Revos.Tenant t = revos.newTenant("lifecycle migration");
        String leads = "Record ID,First Name,Last Name,Email,Lifecycle Stage,Contact owner\n"
                + "501,Kim,Wu,kim@lead.test,Sales Qualified Lead,\n502,Lou,Ng,lou@lead.test,subscriber,\n"
                + "503,Max,Ro,max@lead.test,Partner,\n";
        JsonNode preview = csv.dryRun(t, "leads", "hubspot", leads, "mapLifecycleStage=Partner=SAL").expect(200);
        assertEquals(Map.of(), unmapped(preview));
        JsonNode job = csv.importCsv(t, "leads", "hubspot", null, leads, "mapLifecycleStage=Partner=SAL");
        assertEquals("SUCCEEDED", job.get("status").asText(), job.toString());
        Map<String, JsonNode> byExt = CsvImports.byExternalId(csv.list(t, "leads"));
        assertEquals("SQL", byExt.get("501").get("stage").asText());
        assertEquals("RAW", byExt.get("502").get("stage").asText());
        assertEquals("SAL", byExt.get("503").get("stage").asText());

        JsonNode problem = csv.dryRun(t, "leads", "hubspot", leads, "mapLifecycleStage=Partner=FRIEND").expect(422);
        assertEquals("mapLifecycleStage.Partner", problem.get("errors").get(0).get("field").asText());
        assertEquals(404, revos.get(t.readOnly(), "/imports/mappings/excel").status());
        revos.send(t.readOnly(), "PUT", "/imports/mappings/hubspot", Map.of(), Map.of()).expect(403);
    }

    private String user(Revos.Tenant t, String name, String email) {
        return revos.post(t.member(), "/users", Map.of("name", name, "email", email, "role", "AE")).expect(201)
                .get("id").asText();
    }

    private static void assertDeal(JsonNode deal, String stage, String type, String ownerId, String lossReason) {
        assertEquals(stage, deal.get("stage").asText(), deal.toString());
        assertEquals(type, deal.get("type").asText(), deal.toString());
        assertEquals(ownerId, deal.get("ownerId").isNull() ? null : deal.get("ownerId").asText(), deal.toString());
        assertEquals(lossReason, deal.get("lossReason").isNull() ? null : deal.get("lossReason").asText(),
                deal.toString());
    }

    /** @return "kind value" → count of every unmapped value of a dry run */
    private static Map<String, Long> unmapped(JsonNode preview) {
        Map<String, Long> out = new HashMap<>();
        preview.get("unmapped").forEach(u -> out.put(u.get("kind").asText() + " " + u.get("value").asText(),
                u.get("count").asLong()));
        return out;
    }

    /** @return "kind value" → what each mapped value of a dry run becomes */
    private static Map<String, String> becomes(JsonNode preview) {
        Map<String, String> out = new HashMap<>();
        preview.get("mapped").forEach(m -> out.put(m.get("kind").asText() + " " + m.get("value").asText(),
                m.get("becomes").asText(null)));
        return out;
    }

    private JsonNode kpi(Revos.Tenant t, String query) {
        return revos.get(t.readOnly(), "/kpis/" + query).expect(200).get("value");
    }

    private Set<String> revenueDates(Revos.Tenant t) {
        Set<String> out = new java.util.TreeSet<>();
        csv.list(t, "revenue-events").forEach(e -> out.add(e.get("occurredAt").asText().substring(0, 10)));
        return out;
    }

    private static void assertDecimal(String expected, JsonNode actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual.decimalValue()), () -> expected + " vs " + actual);
    }

    private static String sample(String name) {
        try (InputStream in = ImportMappingsIT.class.getResourceAsStream("/samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
