package org.revos.integration.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.revos.api.model.BowTiePhase;
import org.revos.api.model.ObjectType;
import org.revos.api.model.Pipeline;
import org.revos.api.model.Stage;
import org.revos.api.model.StageCategory;
import org.revos.api.spi.ImportRow;

class ValueTranslatorTest {

    private static final Pipeline SALES = new Pipeline("sales", ObjectType.DEAL, true, List.of(
            stage("QUALIFICATION", StageCategory.OPEN, 0.1, List.of()),
            stage("OPPORTUNITY", StageCategory.OPEN, 0.3, List.of("budgetRange")),
            stage("PROPOSAL", StageCategory.OPEN, 0.5, List.of()),
            stage("NEGOTIATION", StageCategory.OPEN, 0.7, List.of()),
            stage("CLOSED_WON", StageCategory.WON, 1.0, List.of()),
            new Stage("CLOSED_LOST", "Closed Lost", StageCategory.LOST, 0.0, BowTiePhase.SELECTION, List.of(), true)));
    private static final Pipeline LEADS = new Pipeline("lead-lifecycle", ObjectType.LEAD, true, List.of(
            stage("RAW", StageCategory.OPEN, 0.01, List.of()), stage("MQL", StageCategory.OPEN, 0.05, List.of()),
            stage("SQL", StageCategory.OPEN, 0.2, List.of()), stage("DISQUALIFIED", StageCategory.LOST, 0, List.of())));
    private static final MappingTargets TARGETS = new MappingTargets(Optional.of(SALES), Optional.of(LEADS),
            List.of("PRICE", "NO_DECISION"), new OwnerDirectory(List.of(
                    new OwnerDirectory.User("usr_1", null, "ann@acme.test", "Ann Lee"),
                    new OwnerDirectory.User("usr_2", "sf-005", "bob@acme.test", "Bob Ray"),
                    new OwnerDirectory.User("usr_3", null, "bob.r@acme.test", "Bob Ray"))));

    @Test
    void hubSpotStandardStagesLandByCategoryAndNeverAboveTheirProbability() {
        assertEquals("CLOSED_WON", deal("hubspot", Map.of("stage", "closedwon")).get("stage"));
        assertEquals("CLOSED_WON", deal("hubspot", Map.of("stage", "Closed Won")).get("stage"));
        assertEquals("QUALIFICATION", deal("hubspot", Map.of("stage", "appointmentscheduled")).get("stage"));
        assertEquals("QUALIFICATION", deal("hubspot", Map.of("stage", "qualifiedtobuy")).get("stage"),
                "0.4 does not land in OPPORTUNITY, which needs properties an import row lacks");
        assertEquals("PROPOSAL", deal("hubspot", Map.of("stage", "Presentation Scheduled")).get("stage"));
        assertEquals("NEGOTIATION", deal("hubspot", Map.of("stage", "contractsent")).get("stage"));
    }

    @Test
    void salesforceTypesAndStagesMapToRevosValues() {
        Map<String, String> row = deal("salesforce", Map.of("stage", "Id. Decision Makers", "type",
                "Existing Customer - Downgrade"));
        assertEquals("PROPOSAL", row.get("stage"));
        assertEquals("CONTRACTION", row.get("type"));
    }

    @Test
    void customStagesFallBackOnTheRowsWonClosedAndProbabilityColumns() {
        assertEquals("CLOSED_WON", deal("hubspot", Map.of("stage", "Signed", "stageWon", "true")).get("stage"));
        assertEquals("CLOSED_LOST", deal("salesforce", Map.of("stage", "Dead", "stageWon", "0", "stageClosed", "1",
                "lossReason", "Price")).get("stage"));
        assertEquals("NEGOTIATION", deal("salesforce", Map.of("stage", "Legal", "stageClosed", "0",
                "stageProbabilityPercent", "80")).get("stage"));
        assertEquals("CLOSED_WON", deal("hubspot", Map.of("stage", "Booked", "stageProbability", "1.0"))
                .get("stage"));
    }

    @Test
    void anUnmappedValueMakesTheRowBadNamingItAndHowToMapIt() {
        ImportRow row = translator("hubspot", ValueMappings.none(), null).translate(new ImportRow(3, Map.of(
                "stage", "Parked", "ownerId", "Former Rep")));
        assertEquals(2, row.problems().size(), row.problems().toString());
        assertTrue(row.problems().get(0).contains("'Parked'") && row.problems().get(0).contains("mapStage="));
        assertTrue(row.problems().get(1).contains("'Former Rep' is no user"), row.problems().get(1));
    }

    @Test
    void theNativeFormatPassesUnknownValuesOnForTheObjectsOwnRules() {
        ImportRow row = translator("native", ValueMappings.none(), null).translate(new ImportRow(2, Map.of(
                "stage", "PARKED", "ownerId", "usr_9")));
        assertEquals(List.of(), row.problems());
        assertEquals("PARKED", row.fields().get("stage"));
    }

    @Test
    void ownersMatchByIdExternalIdEmailThenAUniqueName() {
        assertEquals("usr_1", deal("hubspot", Map.of("ownerId", "ANN@acme.test")).get("ownerId"));
        assertEquals("usr_1", deal("hubspot", Map.of("ownerId", "ann lee")).get("ownerId"));
        assertEquals("usr_2", deal("salesforce", Map.of("ownerId", "sf-005")).get("ownerId"));
        ImportRow shared = translator("hubspot", ValueMappings.none(), null).translate(new ImportRow(2, Map.of(
                "ownerId", "Bob Ray")));
        assertTrue(shared.problems().get(0).contains("names several users"), shared.problems().toString());
    }

    @Test
    void requestMappingsWinAndStarMapsEverythingElse() {
        ValueMappings mine = new ValueMappings(Map.of(ValueKind.OWNERS, Map.of("Former Rep", "bob@acme.test"),
                ValueKind.LOSS_REASONS, Map.of("*", "NO_DECISION")));
        ValueMappings request = new ValueMappings(Map.of(ValueKind.OWNERS, Map.of("former rep", "ann@acme.test")));
        MappingTally tally = new MappingTally();
        ValueTranslator t = translator("hubspot", mine.overriddenBy(request), tally);
        ImportRow row = t.translate(new ImportRow(2, Map.of("stage", "closedlost", "ownerId", "Former Rep",
                "lossReason", "")));
        assertEquals(List.of(), row.problems());
        assertEquals("usr_1", row.fields().get("ownerId"));
        assertEquals("NO_DECISION", row.fields().get("lossReason"), "* fills a lost deal's empty reason");
        assertEquals(3, tally.all().size());
    }

    @Test
    void aLostDealWithoutReasonIsReportedUnlessStarMapsIt() {
        ImportRow row = translator("salesforce", ValueMappings.none(), null).translate(new ImportRow(4, Map.of(
                "stage", "Closed Lost")));
        assertTrue(row.problems().get(0).startsWith("lossReason: the deal lands in CLOSED_LOST"), row.toString());
    }

    @Test
    void companyLifecycleStagesBecomeALeadLifecyclePropertyAndHintsLeaveTheRow() {
        ImportRow row = new ValueTranslator(ObjectType.ACCOUNT, "hubspot", ValueMappings.none(), TARGETS, null)
                .translate(new ImportRow(2, Map.of("name", "Acme", "lifecycleStage", "marketingqualifiedlead",
                        "properties", "{\"tier\":\"gold\"}")));
        assertEquals("{\"tier\":\"gold\",\"lifecycleStage\":\"MQL\"}", row.fields().get("properties"));
        assertTrue(!row.fields().containsKey("lifecycleStage"));
        ImportRow customer = new ValueTranslator(ObjectType.CONTACT, "hubspot", ValueMappings.none(), TARGETS, null)
                .translate(new ImportRow(2, Map.of("lifecycleStage", "customer")));
        assertEquals("{\"lifecycleStage\":\"SQL\"}", customer.fields().get("properties"),
                "no won stage in the lead lifecycle: its furthest open stage");
    }

    private static Map<String, String> deal(String format, Map<String, String> fields) {
        ImportRow row = translator(format, ValueMappings.none(), null).translate(new ImportRow(2, fields));
        assertEquals(List.of(), row.problems());
        return row.fields();
    }

    private static ValueTranslator translator(String format, ValueMappings mappings, MappingTally tally) {
        return new ValueTranslator(ObjectType.DEAL, format, mappings, TARGETS, tally);
    }

    private static Stage stage(String id, StageCategory category, double probability, List<String> required) {
        return new Stage(id, id.charAt(0) + id.substring(1).toLowerCase().replace('_', ' '), category, probability,
                BowTiePhase.SELECTION, required, false);
    }
}
