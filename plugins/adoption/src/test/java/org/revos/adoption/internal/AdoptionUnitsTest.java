package org.revos.adoption.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.revos.api.model.User;
import org.revos.api.model.UserRole;
import org.revos.api.spi.Notification;
import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.FieldTypes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The adoption engine's own rules: its phases and its reminder texts. */
class AdoptionUnitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void phasesAreCheckedWithEveryProblemNamed() throws Exception {
        Violations v = new Violations();
        new PhasesType().parse(JSON.readTree("{\"build\": {\"start\": \"2026-02-30\", \"status\": \"LATE\"},"
                + " \"launch\": 3, \"party\": {}}"), "phases", v);
        List<String> fields = v.list().stream().map(FieldError::field).toList();
        assertEquals(List.of("phases.build.start", "phases.build.status", "phases.launch", "phases.party"), fields,
                v.list()::toString);
    }

    @Test
    void aWrittenPhaseIsLaidOverTheStoredOnesAndAnEndBeforeItsStartIsRefused() throws Exception {
        Violations none = new Violations();
        ObjectNode written = (ObjectNode) new PhasesType().parse(JSON.readTree(
                "{\"build\": {\"start\": \"2026-03-01\", \"end\": \"2026-02-01\"}}"), "phases", none);
        assertTrue(none.isEmpty(), none.list()::toString);
        String merged = PhasesType.mergeInto(null, written);
        JsonNode phases = FieldTypes.readTree(merged);
        assertEquals(5, phases.size(), "every phase is stored: " + merged);
        assertEquals("NOT_STARTED", phases.get("discovery").get("status").asText());
        assertEquals("2026-03-01", phases.get("build").get("start").asText());

        Violations v = new Violations();
        PhasesType.checkDates(merged, v);
        assertEquals(List.of(new FieldError("phases.build.end", "must not be before the phase's start")), v.list());
    }

    @Test
    void aReminderSaysSinceWhenATaskIsOverdueAndCarriesTheOwnersAddress() {
        InitiativeEntity initiative = new InitiativeEntity();
        initiative.id = "ini_1";
        initiative.name = "Log every call";
        ChecklistItemEntity item = new ChecklistItemEntity();
        item.id = "chk_1";
        item.text = "Record the demo";
        item.tactic = "DEFINE";
        item.due = LocalDate.of(2026, 12, 1);
        User withoutEmail = new User("usr_1", null, "Ana", null, UserRole.AE, null, null, null, Instant.EPOCH,
                Instant.EPOCH);

        Notification overdue = Messages.reminder(initiative, item, withoutEmail, LocalDate.of(2026, 12, 7));
        assertTrue(overdue.text().contains("overdue since 2026-12-01"), overdue.text());
        assertEquals(Boolean.TRUE, overdue.data().get("overdue"));
        assertFalse(overdue.data().containsKey("ownerEmail"), "an owner without an e-mail address has none");

        Notification today = Messages.reminder(initiative, item, withoutEmail, LocalDate.of(2026, 12, 1));
        assertTrue(today.text().endsWith("due today."), today.text());
        item.due = null;
        assertNull(Messages.reminder(initiative, item, withoutEmail, LocalDate.of(2026, 12, 1)).data().get("due"));
    }
}
