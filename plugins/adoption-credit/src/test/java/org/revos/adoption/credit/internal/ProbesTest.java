package org.revos.adoption.credit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.revos.api.model.BowTiePhase;
import org.revos.api.model.ObjectType;
import org.revos.api.model.Pipeline;
import org.revos.api.model.PropertyDefinition;
import org.revos.api.model.Stage;
import org.revos.api.model.StageCategory;
import org.revos.api.model.StageTransition;
import org.revos.api.spi.AdoptionTactic;
import org.revos.api.spi.ChecklistItem;
import org.revos.api.spi.Initiative;
import org.revos.api.spi.KpiDefinition;
import org.revos.api.spi.KpiUnit;
import org.revos.api.spi.NotifierSubscription;
import org.revos.api.spi.ProbeResult;

/** Each built-in probe flips from not done to done when the tenant's real configuration or data changes. */
class ProbesTest {

    private final Fixture tenant = new Fixture();
    private final Initiative budget = Fixture.propertyInitiative(null, null);

    @Test
    void celebrateIsDoneOnceANotifierAnnouncesTheWinEvent() {
        CelebrateProbe probe = new CelebrateProbe();
        tenant.subscriptions.add(new NotifierSubscription("webhook", "hooks.example.com",
                List.of("org/revos/stage/CHANGED")));
        ProbeResult before = probe.check(tenant.context(budget));
        assertFalse(before.done());
        assertTrue(before.missing().contains("org/revos/deal/WON"));
        tenant.subscriptions.add(new NotifierSubscription("webhook", "chat.example.com", List.of("org/revos/*")));
        ProbeResult after = probe.check(tenant.context(budget));
        assertTrue(after.done());
        assertTrue(after.evidence().contains("chat.example.com"), after.evidence());
        assertFalse(CelebrateProbe.matches("org/revos/stage/*", "org/revos/deal/WON"));
    }

    @Test
    void remindNeedsAnActiveReminderAndAChannel() {
        RemindProbe probe = new RemindProbe();
        assertFalse(probe.check(tenant.context(budget)).done());
        tenant.items.add(new ChecklistItem("chk_r", "ini_1", AdoptionTactic.REMIND, ChecklistItem.Kind.REMINDER,
                "Fill the budget range", "usr_owner", null, null, "WEEKLY", null, null));
        ProbeResult noChannel = probe.check(tenant.context(budget));
        assertFalse(noChannel.done());
        assertTrue(noChannel.missing().contains("notifier"), noChannel.missing());
        tenant.subscriptions.add(new NotifierSubscription("webhook", "chat.example.com", List.of()));
        assertTrue(probe.check(tenant.context(budget)).done());
    }

    @Test
    void enforceIsDoneWhenAStageRequiresTheProperty() {
        EnforceProbe probe = new EnforceProbe();
        tenant.pipelines.add(pipeline(List.of()));
        assertFalse(probe.check(tenant.context(budget)).done());
        tenant.pipelines.set(0, pipeline(List.of("budgetRange")));
        ProbeResult after = probe.check(tenant.context(budget));
        assertTrue(after.done());
        assertEquals("sales/OPPORTUNITY require(s) budgetRange", after.evidence());
        assertFalse(probe.appliesTo(new Initiative("ini_2", "KPI", null, null, null, null, null, "win_rate", null,
                "org/revos/deal/WON", null, null, List.of())), "nothing to enforce for a KPI");
    }

    @Test
    void defineNeedsTheDefinitionItsDescriptionAndADocumentationLink() {
        DefineProbe probe = new DefineProbe();
        assertTrue(probe.check(tenant.context(budget)).missing().contains("/api/v1/properties"));
        tenant.properties.add(new PropertyDefinition(ObjectType.DEAL, "budgetRange", "STRING", null, null, null));
        ProbeResult undocumented = probe.check(tenant.context(budget));
        assertFalse(undocumented.done());
        assertTrue(undocumented.missing().contains("describe"), undocumented.missing());
        tenant.properties.set(0, new PropertyDefinition(ObjectType.DEAL, "budgetRange", "STRING", null, null, null,
                "The buyer's budget band", "https://wiki.example.com/budget"));
        ProbeResult done = probe.check(tenant.context(budget));
        assertTrue(done.done(), done.toString());
        assertTrue(done.evidence().endsWith("documented at https://wiki.example.com/budget"));
    }

    @Test
    void inspectMeasuresTheShareOfRecentRecordsThatHaveTheProperty() {
        InspectProbe probe = new InspectProbe();
        assertFalse(probe.check(tenant.context(budget)).done(), "nothing changed in 30 days: nothing to inspect");
        for (int i = 0; i < 8; i++) {
            tenant.deal("d" + i, Fixture.NOW.minus(Duration.ofDays(i + 1)),
                    i < 6 ? Map.of("budgetRange", "10-50k") : Map.of());
        }
        tenant.deal("old", Fixture.NOW.minus(Duration.ofDays(45)), Map.of()); // outside the window
        ProbeResult partial = probe.check(tenant.context(budget));
        assertFalse(partial.done());
        assertEquals(0.75, partial.complianceShare(), 1e-9, "6 of the 8 deals changed in the last 30 days");
        assertTrue(partial.missing().contains("2 without it"), partial.missing());
        tenant.deal("d8", Fixture.NOW.minus(Duration.ofHours(1)), Map.of("budgetRange", "<10k"));
        tenant.deal("d9", Fixture.NOW.minus(Duration.ofHours(2)), Map.of("budgetRange", "<10k"));
        tenant.deals.removeIf(d -> d.id().equals("d7"));
        ProbeResult done = probe.check(tenant.context(budget));
        assertEquals(8.0 / 9, done.complianceShare(), 1e-9);
        assertFalse(done.done(), "88.9 % is below 90 %");
        tenant.deal("d10", Fixture.NOW.minus(Duration.ofHours(3)), Map.of("budgetRange", "<10k"));
        assertTrue(probe.check(tenant.context(budget)).done(), "9 of 10");
    }

    @Test
    void inspectOfAKpiNeedsAGoalAndOfAStageRecentEntries() {
        InspectProbe probe = new InspectProbe();
        Initiative kpi = new Initiative("ini_k", "Win rate", null, null, null, null, null, "win_rate", null,
                "org/revos/deal/WON", null, null, List.of());
        assertFalse(probe.check(tenant.context(kpi)).done());
        tenant.goal("win_rate");
        assertTrue(probe.check(tenant.context(kpi)).done());

        Initiative stage = new Initiative("ini_s", "Proposal stage", null, ObjectType.DEAL, null, "sales",
                "PROPOSAL", null, null, "org/revos/deal/WON", null, null, List.of());
        tenant.kpis.add(new KpiDefinition("stage_volume", "Stage volume", KpiUnit.COUNT, true, List.of("stage")));
        assertFalse(probe.check(tenant.context(stage)).done());
        tenant.transitions.add(new StageTransition("st1", ObjectType.DEAL, "d1", "sales", "OPPORTUNITY",
                "PROPOSAL", Fixture.NOW.minus(Duration.ofDays(3)), "key"));
        assertTrue(probe.check(tenant.context(stage)).done());
    }

    @Test
    void trainCountsCompletedTrainingsOfTheTeam() {
        TrainProbe probe = new TrainProbe();
        Initiative emea = Fixture.propertyInitiative(null, "EMEA");
        tenant.user("u1", "EMEA");
        tenant.user("u2", "EMEA");
        tenant.user("u3", "US");
        tenant.training("u1", true);
        tenant.training("u2", false);
        ProbeResult half = probe.check(tenant.context(emea));
        assertFalse(half.done());
        assertEquals(0.5, half.complianceShare(), 1e-9);
        assertTrue(half.missing().contains("User u2"), half.missing());
        tenant.training("u2", true);
        ProbeResult all = probe.check(tenant.context(emea));
        assertTrue(all.done());
        assertNull(all.missing());
        assertFalse(probe.check(tenant.context(budget)).done(), "for everyone, u3 is not trained");
    }

    private static Pipeline pipeline(List<String> opportunityRequires) {
        return new Pipeline("sales", ObjectType.DEAL, true, List.of(
                new Stage("QUALIFICATION", "Qualification", StageCategory.OPEN, 0.1, BowTiePhase.SELECTION,
                        List.of(), false),
                new Stage("OPPORTUNITY", "Opportunity", StageCategory.OPEN, 0.3, BowTiePhase.SELECTION,
                        opportunityRequires, false)));
    }
}
