package org.revos.leads.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.revos.api.leads.ScoreCard;
import org.revos.api.leads.Signal;
import org.revos.leads.rules.internal.DefaultScoring.Rules;
import org.revos.testkit.Leads;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class DefaultScoringTest {

    private static final Instant NOW = Fixtures.NOW;

    private static Rules rules(Map<String, Object> settings) {
        Settings s = new Settings(settings);
        Rules rules = Rules.read(s);
        assertEquals(Map.of(), s.problems());
        return rules;
    }

    @Test
    void fitAndEngagementWithTheirExplanation() {
        ScoreCard card = DefaultScoring.score(Fixtures.signUp("a@acme.com", "DE", 250, "VP of Sales", List.of(
                Leads.signal("SEATS_ADDED", 3, NOW), Leads.signal("LOGIN", 50, NOW), Leads.signal("UNKNOWN", 9, NOW))), List.of(
                        Leads.signal("MEETING", 1, NOW)), NOW, rules(Map.of()));
        assertEquals(90, card.fit(), "country 20 + band 200+ 40 + vp 30");
        assertEquals(30 + 20 + 20, card.engagement(), "3 seats x 10, logins capped at 20, a meeting 20");
        List<String> rules = card.lines().stream().map(ScoreCard.Line::rule).toList();
        assertEquals(List.of("country", "company-size", "title", "signal:SEATS_ADDED", "signal:LOGIN",
                "activity:MEETING"), rules);
        assertTrue(card.lines().get(4).reason().contains("capped at 20"), card.lines().get(4).reason());
        assertEquals("title 'VP of Sales' matches 'vp'", card.lines().get(2).reason());
    }

    @Test
    void aSignalLosesHalfItsPointsEveryHalfLife() {
        Rules rules = rules(Map.of("halfLifeDays", 10, "countries", Map.of(), "titles", Map.of(), "sizeBands",
                List.of()));
        double fresh = DefaultScoring.score(Fixtures.signUp("a@acme.com", null, null, null, List.of(Leads.signal("SEATS_ADDED", 2,
                NOW))), List.of(), NOW, rules).engagement();
        double tenDays = DefaultScoring.score(Fixtures.signUp("a@acme.com", null, null, null, List.of(Leads.signal("SEATS_ADDED",
                2, NOW.minus(Duration.ofDays(10))))), List.of(), NOW, rules).engagement();
        double twentyDays = DefaultScoring.score(Fixtures.signUp("a@acme.com", null, null, null, List.of(Leads.signal(
                "SEATS_ADDED", 2, NOW.minus(Duration.ofDays(20))))), List.of(), NOW, rules).engagement();
        assertEquals(20, fresh);
        assertEquals(10, tenDays);
        assertEquals(5, twentyDays);
        assertEquals(1.0, DefaultScoring.decay(NOW.plusSeconds(60), NOW, 10), "a future signal does not decay");
        assertEquals(1.0, DefaultScoring.decay(NOW.minus(Duration.ofDays(300)), NOW, 0), "0: no decay");
    }

    @Test
    void tenantRulesReplaceTheDefaultsAndTitlesMatchWholeWords() {
        Rules rules = rules(Map.of("countries", Map.of("US", 40, "*", 5), "titles", Map.of("head", 10),
                "sizeBands", List.of(Map.of("min", 0, "points", 1))));
        assertEquals(40 + 1 + 10, DefaultScoring.score(Fixtures.signUp("a@acme.com", "US", 3, "Head of Growth", List.of()),
                List.of(), NOW, rules).fit());
        assertEquals(5 + 1, DefaultScoring.score(Fixtures.signUp("a@acme.com", "FR", 3, "Forehead Engineer", List.of()),
                List.of(), NOW, rules).fit(), "'head' is not a word of 'Forehead'");
    }

    @Test
    void validationNamesEveryBadField() {
        Map<String, String> problems = new DefaultScoring().validate(Map.of("countries", Map.of("USA", 10, "DE",
                500), "sizeBands", List.of(Map.of("min", 10, "points", 5), Map.of("min", 10, "points", 5, "x", 1)),
                "signals", Map.of("seats", Map.of("points", 1), "LOGIN", Map.of("max", 500)), "halfLifeDays", -1,
                "weights", 1));
        assertEquals(Set.of("countries.USA", "countries.DE", "sizeBands[1].min", "sizeBands[1].x", "signals.seats",
                "signals.LOGIN.points", "signals.LOGIN.max", "halfLifeDays", "weights"), problems.keySet(),
                problems.toString());
    }

    /**
     * Each part stays within 0–100 whatever the signals; uncapped, a part is the sum of its explanation's lines; an
     * older signal never scores more than a newer one of the same kind.
     */
    @Property
    void partsAreBoundedExplainedAndDecayNeverRaisesAScore(@ForAll("signals") List<Signal> signals,
            @ForAll @IntRange(min = 0, max = 20_000) int employees, @ForAll @IntRange(min = 0, max = 60) int halfLife,
            @ForAll @IntRange(min = 1, max = 400) int olderByDays) {
        Rules rules = rules(Map.of("halfLifeDays", halfLife));
        ScoreCard card = DefaultScoring.score(Fixtures.signUp("a@acme.com", "US", employees, "Head of IT", signals), List.of(),
                NOW, rules);
        assertTrue(card.fit() >= 0 && card.fit() <= 100);
        assertTrue(card.engagement() >= 0 && card.engagement() <= 100);
        double fitSum = card.lines().stream().filter(l -> l.part() == ScoreCard.Part.FIT)
                .mapToDouble(ScoreCard.Line::points).sum();
        assertEquals(Math.min(100, fitSum), card.fit(), 1e-9);
        double engagementSum = card.lines().stream().filter(l -> l.part() == ScoreCard.Part.ENGAGEMENT)
                .mapToDouble(ScoreCard.Line::points).sum();
        if (engagementSum <= 100) {
            assertEquals(engagementSum, card.engagement(), 1e-9);
        }
        List<Signal> older = new ArrayList<>();
        signals.forEach(s -> older.add(Leads.signal(s.type(), s.count(), s.at().minus(Duration.ofDays(olderByDays)))));
        ScoreCard aged = DefaultScoring.score(Fixtures.signUp("a@acme.com", "US", employees, "Head of IT", older), List.of(),
                NOW, rules);
        assertTrue(aged.engagement() <= card.engagement() + 0.011, aged.engagement() + " > " + card.engagement());
        assertEquals(card.fit(), aged.fit(), "fit does not depend on signals");
    }

    @Provide
    Arbitrary<List<Signal>> signals() {
        Arbitrary<Signal> one = net.jqwik.api.Combinators.combine(Arbitraries.of("SEATS_ADDED", "BOARD_CREATED",
                "INVITE_SENT", "LOGIN", "OTHER"), Arbitraries.longs().between(1, 50), Arbitraries.integers()
                        .between(0, 90)).as((type, count, days) -> Leads.signal(type, count, NOW.minus(Duration.ofDays(
                                days))));
        return one.list().ofMaxSize(12);
    }
}
