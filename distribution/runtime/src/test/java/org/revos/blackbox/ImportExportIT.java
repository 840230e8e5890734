package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * CSV imports and exports over HTTP with org.revos.integration.csv, which ships with the runtime: a native round trip
 * of every object into a fresh tenant, re-imports that update instead of duplicating, atomic and partial modes, and
 * HubSpot- and Salesforce-shaped files with quoted commas, line breaks in cells, a byte-order mark, blank lines and
 * bad rows.
 */
@ExtendWith(RevosExtension.class)
class ImportExportIT {

    /** Imported and exported in this order: what others refer to first. */
    private static final List<String> OBJECTS = List.of("users", "accounts", "contacts", "leads", "deals",
            "activities", "revenue-events");
    private static final Set<String> REFERENCES = Set.of("ownerId", "userId", "accountId", "contactId", "leadId",
            "dealId", "dealOwnerId");
    private static final Set<String> ASSIGNED = Set.of("id", "externalId", "createdAt", "updatedAt");

    /**
     * The won deal's revenue event comes in the revenue-events file: placing the deal in its won stage must not
     * record another.
     */
    private static final Map<String, String> ROUND_TRIP = Map.of("deals", "revenueEvents=skip");

    private final Revos revos;
    private final CsvImports csv;

    ImportExportIT(Revos revos) {
        this.revos = revos;
        this.csv = new CsvImports(revos);
    }

    @Test
    void exportThenImportIntoAFreshTenantGivesTheSameDataAndAgainUpdatesInsteadOfDuplicating() {
        Revos.Tenant source = revos.newTenant("csv source");
        seed(source);
        Map<String, String> files = new HashMap<>();
        for (String object : OBJECTS) {
            files.put(object, export(source, object, "native"));
        }
        Revos.Tenant target = revos.newTenant("csv target");
        for (String object : OBJECTS) {
            JsonNode job = importCsv(target, object, "native", null, files.get(object), ROUND_TRIP.get(object));
            assertEquals("SUCCEEDED", job.get("status").asText(), () -> object + ": " + job);
            assertEquals(list(source, object).size(), job.get("result").get("created").asInt(), object);
        }
        assertSameData(source, target);

        for (String object : OBJECTS) {
            JsonNode again = importCsv(target, object, "native", null, files.get(object), ROUND_TRIP.get(object));
            assertEquals("SUCCEEDED", again.get("status").asText(), () -> again.toString());
            assertEquals(0, again.get("result").get("created").asInt(), object + " again creates nothing");
            assertEquals(list(source, object).size(), again.get("result").get("unchanged").asInt(), object);
        }
        assertSameData(source, target);

        JsonNode intoItself = importCsv(source, "accounts", "native", null, files.get("accounts"));
        assertEquals(0, intoItself.get("result").get("created").asInt(), "the source matches its own ids");
        assertEquals(2, list(source, "accounts").size());
    }

    @Test
    void aReimportWithChangedCellsUpdatesTheObjects() {
        Revos.Tenant t = revos.newTenant("csv update");
        importCsv(t, "accounts", "native", null, "externalId,name,country\nA-1,Acme,US\nA-2,Globex,DE\n");
        JsonNode job = importCsv(t, "accounts", "native", null, "externalId,name,country\nA-1,Acme Corp,US\n");
        assertEquals(1, job.get("result").get("updated").asInt());
        List<JsonNode> accounts = list(t, "accounts");
        assertEquals(2, accounts.size());
        assertEquals("Acme Corp", byExternalId(accounts).get("A-1").get("name").asText());
    }

    @Test
    void aDealImportedAsWonRecordsItsRevenueUnlessTheRevenueComesInItsOwnFile() {
        String csv = "externalId,accountId,name,arr,seats,stage\nD-1,A-1,Acme platform,8000,5,CLOSED_WON\n"
                + "D-2,A-1,Acme pilot,1000,1,QUALIFICATION\n";
        Revos.Tenant recorded = revos.newTenant("csv won recorded");
        importCsv(recorded, "accounts", "native", null, "externalId,name\nA-1,Acme\n");
        JsonNode job = importCsv(recorded, "deals", "native", null, csv);
        assertEquals("SUCCEEDED", job.get("status").asText(), job.toString());
        List<JsonNode> events = list(recorded, "revenue-events");
        assertEquals(1, events.size(), events.toString());
        String won = byExternalId(list(recorded, "deals")).get("D-1").get("id").asText();
        assertEquals(won, events.get(0).get("dealId").asText());
        assertEquals("NEW", events.get(0).get("kind").asText());
        assertEquals(0, new java.math.BigDecimal("8000").compareTo(events.get(0).get("arrDelta").decimalValue()));

        Revos.Tenant skipped = revos.newTenant("csv won skipped");
        importCsv(skipped, "accounts", "native", null, "externalId,name\nA-1,Acme\n");
        JsonNode quiet = importCsv(skipped, "deals", "native", null, csv, "revenueEvents=skip");
        assertEquals("SUCCEEDED", quiet.get("status").asText(), quiet.toString());
        assertEquals(List.of(), list(skipped, "revenue-events"));
        JsonNode deal = byExternalId(list(skipped, "deals")).get("D-1");
        assertEquals("CLOSED_WON", deal.get("stage").asText());
        assertTrue(deal.hasNonNull("closeDate"), "closed on the day of the import: " + deal);
        assertEquals(0, revos.get(skipped.readOnly(), "/accounts?externalId=A-1").expect(200).get("items").get(0)
                .get("arr").decimalValue().signum(), "no revenue, no ARR");
    }

    @Test
    void aKeyNamedAgainInALaterBatchUpdatesWhatTheEarlierBatchCreated() {
        Revos.Tenant t = revos.newTenant("csv batches");
        StringBuilder csv = new StringBuilder("externalId,name,country\n");
        for (int i = 1; i <= 1100; i++) {
            csv.append("A-").append(i).append(",Account ").append(i).append(",US\n");
        }
        csv.append("A-1,Account one renamed,DE\n"); // line 1102, three batches of 500 after line 2
        JsonNode job = importCsv(t, "accounts", "native", "atomic", csv.toString());
        assertEquals("SUCCEEDED", job.get("status").asText(), job.toString());
        assertEquals(1100, job.get("result").get("created").asInt(), job.toString());
        assertEquals(1, job.get("result").get("updated").asInt(), job.toString());
        JsonNode first = revos.get(t.readOnly(), "/accounts?externalId=A-1").expect(200).get("items");
        assertEquals(1, first.size());
        assertEquals("Account one renamed", first.get(0).get("name").asText());
        assertEquals("DE", first.get(0).get("country").asText());
        assertEquals(1100, list(t, "accounts").size());
    }

    @Test
    void atomicImportWithOneBadRowWritesNothingAndPartialWritesTheGoodRows() {
        Revos.Tenant t = revos.newTenant("csv modes");
        String csv = "externalId,name,country,employees\nA-1,Acme,US,10\nA-2,Globex,XYZ,20\nA-3,Initech,FR,many\n"
                + "A-4,Hooli,GB,40\n";
        JsonNode atomic = importCsv(t, "accounts", "native", "atomic", csv);
        assertEquals("FAILED", atomic.get("status").asText());
        assertTrue(atomic.get("detail").asText().contains("nothing was written"), atomic.toString());
        assertEquals(List.of("3 country", "4 employees"), errors(atomic));
        assertEquals(0, list(t, "accounts").size());

        JsonNode partial = importCsv(t, "accounts", "native", "partial", csv);
        assertEquals("SUCCEEDED", partial.get("status").asText(), partial.toString());
        assertEquals(List.of("3 country", "4 employees"), errors(partial));
        assertEquals(2, partial.get("result").get("created").asInt());
        assertEquals(2, partial.get("result").get("bad").asInt());
        assertEquals(Set.of("A-1", "A-4"), byExternalId(list(t, "accounts")).keySet());
        assertEquals(1, partial.get("progress").asInt());
    }

    @Test
    void hubSpotCompaniesAndDealsWithQuotedCommasLineBreaksBomBlankLinesAndBadRows() {
        Revos.Tenant t = revos.newTenant("csv hubspot");
        for (String owner : List.of("Ann Lee", "Bob Ray", "Cy Doe")) { // owners are matched by name
            create(t, "users", Map.of("name", owner, "role", "AE"));
        }
        JsonNode companies = importCsv(t, "accounts", "hubspot", "partial", sample("hubspot-companies.csv"));
        assertEquals("SUCCEEDED", companies.get("status").asText(), companies.toString());
        assertEquals(List.of("6 country", "7 domain"), errors(companies));
        assertTrue(companies.get("result").get("ignoredColumns").toString().contains("Phone Number"));
        Map<String, JsonNode> accounts = byExternalId(list(t, "accounts"));
        assertEquals(Set.of("9001", "9002", "9005"), accounts.keySet());
        JsonNode acme = accounts.get("9001");
        assertEquals("Acme, Inc.", acme.get("name").asText());
        assertEquals("US", acme.get("country").asText());
        assertEquals(1200, acme.get("employees").asInt());
        assertEquals("Software", acme.get("industry").asText());
        assertEquals("Globex\nHoldings", accounts.get("9002").get("name").asText());
        assertEquals("Hooli \"Labs\"", accounts.get("9005").get("name").asText());

        JsonNode deals = importCsv(t, "deals", "hubspot", "partial", sample("hubspot-deals.csv"));
        assertEquals(List.of("4 accountId", "5 arr"), errors(deals));
        Map<String, JsonNode> byExt = byExternalId(list(t, "deals"));
        assertEquals(acme.get("id").asText(), byExt.get("7001").get("accountId").asText());
        assertEquals("12500.5", byExt.get("7001").get("arr").decimalValue().stripTrailingZeros().toPlainString());
        assertEquals("2026-03-15", byExt.get("7001").get("closeDate").asText());

        JsonNode again = importCsv(t, "accounts", "hubspot", "partial", sample("hubspot-companies.csv"));
        assertEquals(0, again.get("result").get("created").asInt());
        assertEquals(3, list(t, "accounts").size(), "a re-import updates instead of duplicating");

        String exported = export(t, "accounts", "hubspot");
        assertTrue(exported.startsWith("Record ID,Company name,Company Domain Name,Country/Region,"
                + "Number of Employees,Industry,Company owner\r\n"), exported);
        Revos.Tenant copy = revos.newTenant("csv hubspot copy");
        // the copy has none of the owners: imported without one, on purpose (else each row would say so)
        assertEquals(3, importCsv(copy, "accounts", "hubspot", null, exported, "mapOwner=*=").get("result")
                .get("created").asInt());
    }

    @Test
    void salesforceAccountsAndOpportunities() {
        Revos.Tenant t = revos.newTenant("csv salesforce");
        for (String owner : List.of("Tony", "Bruce", "Norman")) {
            create(t, "users", Map.of("name", owner, "role", "AE"));
        }
        JsonNode accounts = importCsv(t, "accounts", "salesforce", "partial", sample("salesforce-accounts.csv"));
        assertEquals(List.of("6 name", "7 -"), errors(accounts));
        Map<String, JsonNode> byExt = byExternalId(list(t, "accounts"));
        assertEquals(Set.of("001A000001", "001A000002"), byExt.keySet());
        JsonNode stark = byExt.get("001A000001");
        assertEquals("Stark, Industries", stark.get("name").asText());
        assertEquals("stark.com", stark.get("domain").asText());
        assertEquals(12000, stark.get("employees").asInt());
        assertEquals("Conglomerate,\r\nholding", byExt.get("001A000002").get("industry").asText());

        JsonNode atomic = importCsv(t, "deals", "salesforce", null, sample("salesforce-opportunities.csv"));
        assertEquals("FAILED", atomic.get("status").asText());
        assertEquals(List.of("3 arr"), errors(atomic));
        assertEquals(0, list(t, "deals").size());
        JsonNode partial = importCsv(t, "deals", "salesforce", "partial", sample("salesforce-opportunities.csv"));
        JsonNode deal = list(t, "deals").get(0);
        assertEquals(1, partial.get("result").get("created").asInt());
        assertEquals("2026-03-31", deal.get("closeDate").asText());
        assertEquals(stark.get("id").asText(), deal.get("accountId").asText());
    }

    @Test
    void badParametersAreOneProblemListingEach() {
        Revos.Tenant t = revos.newTenant("csv params");
        JsonNode problem = revos.sendBytes(t.member(), "POST", "/imports?object=planets&mode=all&color=red&revenueEvents=maybe",
                "a\n1\n".getBytes(StandardCharsets.UTF_8), "text/csv").expect(400);
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(List.of("color", "mode", "object", "revenueEvents"), fields.stream().sorted().toList());
        revos.sendBytes(t.member(), "POST", "/imports?object=accounts&format=excel", "a\n".getBytes(
                StandardCharsets.UTF_8), "text/csv").expect(400);
        revos.sendBytes(t.readOnly(), "POST", "/imports?object=accounts", "a\n".getBytes(StandardCharsets.UTF_8),
                "text/csv").expect(403);
        assertEquals(400, revos.get(t.member(), "/exports?object=goals").status());
        JsonNode exportable = revos.get(t.readOnly(), "/exports").expect(200).get("items");
        assertEquals("accounts", exportable.get(1).get("object").asText());
        assertEquals("[\"hubspot\",\"native\",\"salesforce\"]", exportable.get(1).get("formats").toString());
    }

    private void seed(Revos.Tenant t) {
        String ann = create(t, "users", Map.of("name", "Ann", "email", "ann@example.com", "role", "AE"));
        create(t, "users", Map.of("name", "Bob", "role", "AM", "team", "East", "capacity", 20));
        String acme = create(t, "accounts", Map.of("name", "Acme, \"the\" Inc.", "domain", "acme.com", "country",
                "US", "employees", 120, "industry", "Software", "ownerId", ann));
        String globex = create(t, "accounts", Map.of("name", "Globex\nHoldings", "externalId", "crm-42"));
        String contact = create(t, "contacts", Map.of("accountId", acme, "name", "Cy Doe", "email", "cy@acme.com",
                "title", "CFO"));
        String lead = create(t, "leads", Map.of("email", "lee@initech.com", "name", "Lee", "company", "Initech",
                "country", "FR", "employees", 30, "source", "webinar", "ownerId", ann));
        String deal = create(t, "deals", Map.of("accountId", acme, "ownerId", ann, "name", "Acme expansion",
                "type", "EXPANSION", "arr", 12500.50, "seats", 10, "closeDate", "2026-06-30"));
        create(t, "deals", Map.of("accountId", globex, "name", "Globex new", "stage", secondOpenStage(t)));
        create(t, "deals", Map.of("accountId", acme, "ownerId", ann, "name", "Acme platform", "arr", 8000,
                "seats", 5, "closeDate", "2026-05-15", "stage", "CLOSED_WON")); // records its NEW revenue event
        create(t, "activities", Map.of("type", "CALL", "userId", ann, "occurredAt", "2026-02-01T10:00:00Z",
                "subject", "Discovery, part 1", "notes", "line one\nline two", "contactId", contact, "leadId", lead,
                "dealId", deal));
        create(t, "revenue-events", Map.of("accountId", acme, "occurredAt", "2026-01-10T00:00:00Z", "kind", "NEW",
                "arrDelta", 3000, "seatsDelta", 3));
        create(t, "revenue-events", Map.of("accountId", acme, "occurredAt", "2026-03-10T00:00:00Z", "kind",
                "EXPANSION", "arrDelta", 1500.25, "dealId", deal));
    }

    private String secondOpenStage(Revos.Tenant t) {
        for (JsonNode pipeline : revos.get(t.readOnly(), "/pipelines").expect(200).get("items")) {
            if ("DEAL".equals(pipeline.get("objectType").asText()) && pipeline.get("isDefault").asBoolean()) {
                for (int i = 1; i < pipeline.get("stages").size(); i++) {
                    JsonNode stage = pipeline.get("stages").get(i);
                    if ("OPEN".equals(stage.get("category").asText())
                            && stage.get("requiredProperties").isEmpty()) {
                        return stage.get("id").asText();
                    }
                }
            }
        }
        throw new AssertionError("no open stage without requirements after the first");
    }

    /**
     * Every object of the source is in the target under its key (its externalId, else its id) as external id, with
     * the same fields; references compare by the key of the object they name.
     */
    private void assertSameData(Revos.Tenant source, Revos.Tenant target) {
        Map<String, String> sourceKeys = new HashMap<>();
        Map<String, String> targetKeys = new HashMap<>();
        Map<String, List<JsonNode>> sources = new HashMap<>();
        Map<String, List<JsonNode>> targets = new HashMap<>();
        for (String object : OBJECTS) {
            sources.put(object, list(source, object));
            sources.get(object).forEach(s -> sourceKeys.put(s.get("id").asText(), key(s)));
            targets.put(object, list(target, object));
            targets.get(object).forEach(c -> targetKeys.put(c.get("id").asText(), c.get("externalId").asText()));
        }
        for (String object : OBJECTS) {
            assertEquals(sources.get(object).size(), targets.get(object).size(), object);
            Map<String, JsonNode> byExt = byExternalId(targets.get(object));
            for (JsonNode s : sources.get(object)) {
                JsonNode copy = byExt.get(key(s));
                assertTrue(copy != null, object + " " + key(s) + " was not imported");
                assertEquals(comparable(s, sourceKeys), comparable(copy, targetKeys), object + " " + key(s));
            }
        }
    }

    private static String key(JsonNode object) {
        return object.get("externalId").isNull() ? object.get("id").asText() : object.get("externalId").asText();
    }

    /** The fields of an object, with references replaced by the key of the object they name. */
    private static Map<String, String> comparable(JsonNode object, Map<String, String> keyOfId) {
        Map<String, String> out = new TreeMap<>();
        object.fields().forEachRemaining(e -> {
            if (ASSIGNED.contains(e.getKey())) {
                return;
            }
            JsonNode v = e.getValue();
            String text = v.isNull() ? null : v.isNumber() ? v.decimalValue().stripTrailingZeros().toPlainString()
                    : v.isTextual() ? v.asText() : v.toString();
            if (text != null && REFERENCES.contains(e.getKey())) {
                text = keyOfId.getOrDefault(text, "unknown " + text);
            }
            out.put(e.getKey(), text);
        });
        return out;
    }

    private String create(Revos.Tenant t, String collection, Map<String, Object> body) {
        return revos.post(t.member(), "/" + collection, body).expect(201).get("id").asText();
    }

    private List<JsonNode> list(Revos.Tenant t, String collection) {
        return csv.list(t, collection);
    }

    private static Map<String, JsonNode> byExternalId(List<JsonNode> items) {
        return CsvImports.byExternalId(items);
    }

    private String export(Revos.Tenant t, String object, String format) {
        Revos.Reply reply = revos.get(t.readOnly(), "/exports?object=" + object + "&format=" + format);
        assertEquals(200, reply.status(), () -> reply.raw().body());
        assertTrue(reply.header("Content-Type").startsWith("text/csv"));
        return reply.raw().body();
    }

    /** @return the finished job */
    private JsonNode importCsv(Revos.Tenant t, String object, String format, String mode, String csv) {
        return importCsv(t, object, format, mode, csv, null);
    }

    /** @param more further query parameters, such as {@code revenueEvents=skip}, or {@code null} */
    private JsonNode importCsv(Revos.Tenant t, String object, String format, String mode, String csv, String more) {
        return this.csv.importCsv(t, object, format, mode, csv, more);
    }

    /** @return "line field" of each error, in order; "-" for an error without a field */
    private static List<String> errors(JsonNode job) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : job.get("errors")) {
            out.add(e.get("line").asLong() + " " + e.path("field").asText("-"));
        }
        return out;
    }

    private static String sample(String name) {
        try (InputStream in = ImportExportIT.class.getResourceAsStream("/samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
