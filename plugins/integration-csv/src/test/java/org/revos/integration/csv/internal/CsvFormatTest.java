package org.revos.integration.csv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.revos.api.model.ObjectType;
import org.revos.api.spi.ExportWriter;
import org.revos.api.spi.ImportReader;
import org.revos.api.spi.ImportRow;

class CsvFormatTest {

    private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    @Test
    void readsQuotedCommasLineBreaksBomAndBlankLinesWithPhysicalLineNumbers() throws IOException {
        String csv = "Company name,Company Domain Name,Country/Region,Number of Employees,Record ID,Phone Number\r\n"
                + "\"Acme, Inc.\",acme.com,United States,\"1,200\",101,555\r\n"
                + "\r\n"
                + ",,,,,\r\n"
                + "\"Globex\nHoldings\",https://www.globex.io/about,DE,50,102,\r\n"
                + "Initech,initech.com,France\r\n"
                + "\"Quote \"\"Q\"\" Co\",q.co,,,103,";
        List<ImportRow> rows = read(new HubSpotCsv(), ObjectType.ACCOUNT, bytes(csv, true), Map.of());
        assertEquals(List.of(2L, 5L, 7L, 8L), rows.stream().map(ImportRow::line).toList());
        assertEquals(Map.of("name", "Acme, Inc.", "domain", "acme.com", "country", "US", "employees", "1200",
                "externalId", "101"), rows.get(0).fields());
        assertEquals("Globex\nHoldings", rows.get(1).fields().get("name"));
        assertEquals("globex.io", rows.get(1).fields().get("domain"));
        assertEquals("DE", rows.get(1).fields().get("country"));
        assertEquals(List.of("has 3 cells; the header has 6 (a cell with a comma, quote or line break must be"
                + " quoted)"), rows.get(2).problems());
        assertEquals("Quote \"Q\" Co", rows.get(3).fields().get("name"));
    }

    @Test
    void reportsUnmappedColumnsAndTakesOverrides() throws IOException {
        String csv = "Account ID,Account Name,Rating,Website\n001A,Acme,Hot,www.acme.com\n";
        try (ImportReader reader = new SalesforceCsv().open(ObjectType.ACCOUNT, bytes(csv, false),
                Map.of("Rating", "industry", "Website", ""))) {
            List<ImportRow> rows = reader.next(10);
            assertEquals(Map.of("externalId", "001A", "name", "Acme", "industry", "Hot"), rows.get(0).fields());
            assertEquals(List.of("Website"), reader.ignoredColumns());
        }
    }

    @Test
    void readsDealStagesTypesOwnersAndStageHintsAsTheCrmWritesThemAndSaysWhichColumnsFeedWhat()
            throws IOException {
        String csv = "Record ID,Deal Name,Pipeline,Deal Stage,Deal Type,Deal owner,Is Closed Won,Deal probability\n"
                + "7001,Acme,Sales Pipeline,Verbal Commit,existingbusiness,Ann Lee,false,0.8\n";
        try (ImportReader reader = new HubSpotCsv().open(ObjectType.DEAL, bytes(csv, false), Map.of())) {
            assertEquals(Map.of("externalId", "7001", "name", "Acme", "stage", "Verbal Commit", "type",
                    "existingbusiness", "ownerId", "Ann Lee", "stageWon", "false", "stageProbability", "0.8"),
                    reader.next(10).get(0).fields());
            assertEquals(List.of("Pipeline"), reader.ignoredColumns());
            assertEquals(List.of("Record ID", "Deal Name", "Deal Stage", "Deal Type", "Deal owner", "Is Closed Won",
                    "Deal probability"), List.copyOf(reader.usedColumns().keySet()));
            assertEquals("stage", reader.usedColumns().get("Deal Stage"));
        }
        String sf = "Opportunity ID,Stage,Type,Opportunity Owner,Won,Closed,Probability (%)\n"
                + "006A,Legal Review,Existing Customer - Upgrade,tom@sf.test,0,0,80\n";
        try (ImportReader reader = new SalesforceCsv().open(ObjectType.DEAL, bytes(sf, false), Map.of())) {
            assertEquals(Map.of("externalId", "006A", "stage", "Legal Review", "type", "Existing Customer - Upgrade",
                    "ownerId", "tom@sf.test", "stageWon", "0", "stageClosed", "0", "stageProbabilityPercent", "80"),
                    reader.next(10).get(0).fields());
        }
    }

    @Test
    void joinsFirstAndLastNameAndSplitsThemOnExport() throws IOException {
        String csv = "Contact ID,First Name,Last Name,Email,Title,Account ID\n003X,Ann,Lee Smith,ann@x.io,CEO,001A\n";
        List<ImportRow> rows = read(new SalesforceCsv(), ObjectType.CONTACT, bytes(csv, false), Map.of());
        assertEquals("Ann Lee Smith", rows.get(0).fields().get("name"));

        Map<String, String> row = new LinkedHashMap<>(rows.get(0).fields());
        row.put("id", "ctc_1");
        String out = export(new SalesforceCsv(), ObjectType.CONTACT, List.of("id", "externalId", "accountId", "name",
                "email", "title", "properties"), List.of(row));
        assertEquals("Contact ID,First Name,Last Name,Email,Title,Account ID\r\n"
                + "003X,Ann,Lee Smith,ann@x.io,CEO,001A\r\n", out);
    }

    @Test
    void nativeExportReadsBackAsTheSameRows() throws IOException {
        List<String> fields = List.of("id", "externalId", "name", "notes");
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", "acc_1");
        row.put("externalId", null);
        row.put("name", "A, \"B\"");
        row.put("notes", "two\r\nlines");
        String out = export(new NativeCsv(), ObjectType.ACCOUNT, fields, List.of(row));
        List<ImportRow> back = read(new NativeCsv(), ObjectType.ACCOUNT, bytes(out, false), Map.of());
        Map<String, String> expected = new LinkedHashMap<>(row);
        expected.put("externalId", "");
        assertEquals(expected, back.get(0).fields());
        assertEquals(2, back.get(0).line());
    }

    @Test
    void normalisesCrmDates() {
        assertEquals("2026-03-15", CrmValues.normalize("closeDate", "3/15/2026"));
        assertEquals("2026-03-15", CrmValues.normalize("closeDate", "2026-03-15 10:30"));
        assertEquals("15.03.2026", CrmValues.normalize("closeDate", "15.03.2026"));
        assertEquals("GB", CrmValues.normalize("country", "United Kingdom"));
    }

    @Test
    void anEmptySourceIsRefused() {
        assertThrows(IOException.class, () -> new NativeCsv().open(ObjectType.DEAL, bytes("", true), Map.of()));
    }

    private static List<ImportRow> read(CsvFormat format, ObjectType type, ByteArrayInputStream in,
            Map<String, String> overrides) throws IOException {
        List<ImportRow> out = new ArrayList<>();
        try (ImportReader reader = format.open(type, in, overrides)) {
            for (List<ImportRow> batch = reader.next(2); !batch.isEmpty(); batch = reader.next(2)) {
                out.addAll(batch);
            }
        }
        return out;
    }

    private static String export(CsvFormat format, ObjectType type, List<String> fields,
            List<Map<String, String>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ExportWriter writer = format.open(type, fields, out)) {
            writer.write(rows);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static ByteArrayInputStream bytes(String text, boolean bom) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[body.length + (bom ? 3 : 0)];
        if (bom) {
            System.arraycopy(BOM, 0, all, 0, 3);
        }
        System.arraycopy(body, 0, all, bom ? 3 : 0, body.length);
        return new ByteArrayInputStream(all);
    }
}
