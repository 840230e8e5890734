package org.revos.credit.buckets.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.revos.api.spi.AccountCredit;
import org.revos.api.spi.CreditBucket;
import org.revos.api.spi.CreditLine;

class BucketRuleTest {

    private static final Map<String, Object> ARR_10K = Map.of("threshold", 10_000);

    @Test
    void theWorkedExampleOfTheDomain() {
        History h = History.account().rule(ARR_10K).selfServe(3_000);
        assertEquals(CreditBucket.ORANGE, h.credit().bucket());
        assertEquals(0, History.sum(h.credit(), CreditBucket.ORANGE));

        h.sale("A", 2_000);
        assertEquals(2_000_00, History.sum(h.credit(), CreditBucket.ORANGE));
        h.sale("B", 4_000);
        AccountCredit beforeGreen = h.credit();
        assertEquals(6_000_00, History.sum(beforeGreen, CreditBucket.ORANGE));
        assertEquals(9_000_00, beforeGreen.total());
        assertTrue(beforeGreen.nearThreshold(), "9,000 of 10,000 is within the default 80 %");

        h.sale("A", 1_500);
        AccountCredit green = h.credit();
        assertEquals(CreditBucket.GREEN, green.bucket());
        assertEquals(10_500_00, green.total());
        assertEquals(Map.of("A", 3_500L, "B", 4_000L), History.byRep(green, CreditBucket.GREEN));
        assertEquals(0, History.sum(green, CreditBucket.ORANGE));
        Instant crossing = h.events().get(3).occurredAt();
        assertEquals(crossing, green.greenAt());
        assertTrue(green.lines().stream().allMatch(l -> crossing.equals(l.creditedAt())),
                "every spilled line is credited at the instant of the crossing");

        h.sale("C", 5_000);
        AccountCredit later = h.credit();
        assertEquals(Map.of("A", 3_500L, "B", 4_000L, "C", 5_000L), History.byRep(later, CreditBucket.GREEN));
        CreditLine c = later.lines().get(later.lines().size() - 1);
        assertEquals(h.events().get(4).occurredAt(), c.creditedAt(), "later growth is credited when it occurs");
    }

    @Test
    void selfServeRevenueIsCreditedToNobodyEvenWhenItCrosses() {
        AccountCredit credit = History.account().rule(ARR_10K).sale("A", 4_000).selfServe(7_000).credit();
        assertEquals(CreditBucket.GREEN, credit.bucket());
        assertEquals(Map.of("A", 4_000L), History.byRep(credit, CreditBucket.GREEN));
    }

    /** Found trying the API with a huge value: 1e20 overflowed, and the plugin's failure reached the client. */
    @Test
    void aThresholdTooBigForTheLedgerIsRefusedInWords() {
        BucketRule rule = new BucketRule();
        assertEquals(Map.of("threshold", "must be at most 10000000000000"), rule.validate(Map.of("threshold",
                new java.math.BigDecimal("1e20"))));
        assertEquals(Map.of("segmentThresholds.ENTERPRISE", "must be at most 10000000000000"), rule.validate(Map.of(
                "threshold", 10_000, "segmentThresholds", Map.of("ENTERPRISE", new java.math.BigDecimal("1e19")))));
        assertEquals(Map.of("threshold", "must be at most 1000000000"), rule.validate(Map.of("metric",
                "ACCOUNT_SEATS", "threshold", new java.math.BigDecimal("1e12"))));
        assertEquals(Map.of(), rule.validate(Map.of("threshold", new java.math.BigDecimal("10000000000000"))));
    }

    @Test
    void aSeatsThresholdCountsSeatsNotMoney() {
        History h = History.account().rule(Map.of("metric", "ACCOUNT_SEATS", "threshold", 50));
        h.sale("A", 100_000, 30);
        assertEquals(CreditBucket.ORANGE, h.credit().bucket(), "a lot of ARR but only 30 seats");
        assertEquals(30, h.credit().total());
        h.event(null, 500, 15);
        assertEquals(CreditBucket.ORANGE, h.credit().bucket());
        h.sale("B", 1_000, 5);
        AccountCredit green = h.credit();
        assertEquals(CreditBucket.GREEN, green.bucket());
        assertEquals(Map.of("A", 100_000L, "B", 1_000L), History.byRep(green, CreditBucket.GREEN));
    }

    @Test
    void aSegmentThresholdOverridesTheDefault() {
        Map<String, Object> rule = Map.of("threshold", 10_000, "segmentThresholds", Map.of("ENTERPRISE", 25_000));
        assertEquals(CreditBucket.GREEN,
                History.account("MID_MARKET", "o").rule(rule).sale("A", 12_000).credit().bucket());
        AccountCredit enterprise = History.account("ENTERPRISE", "o").rule(rule).sale("A", 12_000).credit();
        assertEquals(CreditBucket.ORANGE, enterprise.bucket());
        assertEquals(25_000_00, enterprise.threshold());
        assertFalse(enterprise.nearThreshold(), "12,000 of 25,000 is not within 80 %");
    }

    @Test
    void theCrossingRepTakesEverySpilledLineWhenConfigured() {
        AccountCredit credit = History.account().rule(Map.of("threshold", 10_000, "spillCreditTo", "CROSSING_REP"))
                .sale("A", 2_000).sale("B", 4_000).sale("C", 5_000).sale("A", 1_000).credit();
        assertEquals(Map.of("C", 11_000L, "A", 1_000L), History.byRep(credit, CreditBucket.GREEN));
    }

    @Test
    void aSelfServeCrossingLeavesEachLineWithItsContributorUnderCrossingRep() {
        AccountCredit credit = History.account().rule(Map.of("threshold", 10_000, "spillCreditTo", "CROSSING_REP"))
                .sale("A", 2_000).sale("B", 4_000).selfServe(5_000).credit();
        assertEquals(Map.of("A", 2_000L, "B", 4_000L), History.byRep(credit, CreditBucket.GREEN));
    }

    @Test
    void theAccountOwnerTakesEverySpilledLineWhenConfigured() {
        AccountCredit credit = History.account("MID_MARKET", "ae-1")
                .rule(Map.of("threshold", 10_000, "spillCreditTo", "ACCOUNT_OWNER"))
                .sale("A", 2_000).sale("B", 9_000).sale("C", 1_000).credit();
        assertEquals(Map.of("ae-1", 11_000L, "C", 1_000L), History.byRep(credit, CreditBucket.GREEN),
                "the spill goes to the owner, growth after green to its own rep");
    }

    @Test
    void contractionBeforeGreenRemovesOrangeNewestFirst() {
        AccountCredit credit = History.account().rule(ARR_10K)
                .sale("A", 2_000).sale("B", 3_000).sale("C", 1_000).contraction(2_500).credit();
        assertEquals(CreditBucket.ORANGE, credit.bucket());
        assertEquals(Map.of("A", 2_000L, "B", 1_500L), History.byRep(credit, CreditBucket.ORANGE),
                "C's 1,000 goes first, then 1,500 of B's 3,000");
        assertEquals(3_500_00, credit.total());
    }

    @Test
    void aContractionLargerThanTheOrangeBucketEmptiesIt() {
        AccountCredit credit = History.account().rule(ARR_10K)
                .selfServe(5_000).sale("A", 1_000).contraction(4_000).credit();
        assertEquals(0, History.sum(credit, CreditBucket.ORANGE));
        assertEquals(2_000_00, credit.total());
    }

    @Test
    void contractionAfterGreenClawsNothingBackByDefault() {
        AccountCredit credit = History.account().rule(ARR_10K).sale("A", 12_000).contraction(5_000).credit();
        assertEquals(Map.of("A", 12_000L), History.byRep(credit, CreditBucket.GREEN));
        assertEquals(CreditBucket.GREEN, credit.bucket(), "a green account stays green below the threshold");
    }

    @Test
    void aClawbackWindowTakesBackRecentGreenCreditNewestFirst() {
        Map<String, Object> rule = Map.of("threshold", 10_000, "clawbackDays", 30);
        AccountCredit credit = History.account().rule(rule)
                .on("2026-01-01").sale("A", 12_000)
                .on("2026-03-01").sale("B", 2_000)
                .on("2026-03-10").contraction(5_000).credit();
        // B's line (9 days old) is taken first and whole; A's (68 days old) lies outside the window.
        assertEquals(Map.of("A", 12_000L, "B", 0L), History.byRep(credit, CreditBucket.GREEN));
        CreditLine clawback = credit.lines().get(credit.lines().size() - 1);
        assertEquals(-2_000_00, clawback.amountCents());
        assertEquals("B", clawback.ownerId());
        assertEquals(Instant.parse("2026-03-10T00:00:00Z"), clawback.creditedAt(),
                "a clawback counts in the period of the contraction");
    }

    @Test
    void aClawbackNeverTakesMoreThanWasCredited() {
        Map<String, Object> rule = Map.of("threshold", 10_000, "clawbackDays", 365);
        AccountCredit credit = History.account().rule(rule).selfServe(9_000).sale("A", 2_000)
                .contraction(1_500).contraction(5_000).credit();
        assertEquals(Map.of("A", 0L), History.byRep(credit, CreditBucket.GREEN));
    }

    @Test
    void aRuleVersionGovernsTheEventsFromItsDate() {
        History h = History.account()
                .rule("2026-01-01", Map.of("threshold", 10_000))
                .rule("2026-07-01", Map.of("threshold", 5_000))
                .on("2026-02-01").sale("A", 6_000);
        assertEquals(CreditBucket.ORANGE, h.credit().bucket(), "6,000 is below the first half's 10,000");
        assertEquals(10_000_00, h.credit().threshold());
        h.on("2026-07-15").sale("B", 100);
        AccountCredit credit = h.credit();
        assertEquals(CreditBucket.GREEN, credit.bucket(), "the next event is judged by the new 5,000");
        assertEquals(Instant.parse("2026-07-15T00:00:00Z"), credit.greenAt());
        assertEquals(5_000_00, credit.threshold());
        assertEquals(Map.of("A", 6_000L, "B", 100L), History.byRep(credit, CreditBucket.GREEN));
    }

    @Test
    void theEarliestVersionAlsoGovernsHistoryBeforeItsDate() {
        AccountCredit credit = History.account().rule("2026-06-01", ARR_10K).on("2026-01-05").sale("A", 11_000)
                .credit();
        assertEquals(CreditBucket.GREEN, credit.bucket());
        assertEquals(Instant.parse("2026-01-05T00:00:00Z"), credit.greenAt());
    }

    /**
     * Regression (found by CreditLedgerPropertiesTest): two versions posted for the same date, the second correcting
     * the first. From that date on the correction governed, but the history before it was still bucketed under the
     * superseded first version, so back-dated revenue could turn an account green under a threshold no longer in
     * force.
     */
    @Test
    void aVersionPostedAgainForTheSameDateAlsoGovernsTheHistoryBeforeIt() {
        History h = History.account().rule("2026-06-01", Map.of("threshold", 2)).rule("2026-06-01",
                Map.of("threshold", 3)).on("2026-01-05").selfServe(2);
        assertEquals(CreditBucket.ORANGE, h.credit().bucket(), "2 is below the corrected threshold of 3");
        assertEquals(3_00, h.credit().threshold());
        h.on("2026-07-01").sale("A", 1);
        assertEquals(Instant.parse("2026-07-01T00:00:00Z"), h.credit().greenAt());
    }

    @Test
    void anAccountWithoutHistoryIsOrangeAndEmpty() {
        AccountCredit credit = History.account().rule(ARR_10K).credit();
        assertEquals(CreditBucket.ORANGE, credit.bucket());
        assertNull(credit.greenAt());
        assertTrue(credit.lines().isEmpty());
        assertFalse(credit.nearThreshold());
    }

    @Test
    void validationNamesEveryProblem() {
        Map<String, String> problems = new BucketRule().validate(Map.of("metric", "ACCOUNT_LOGOS",
                "segmentThresholds", Map.of("ENTERPRISE", -1), "spillCreditTo", "EVERYONE", "clawbackDays", 1.5,
                "nearThresholdShare", 2, "color", "green"));
        assertEquals(java.util.Set.of("metric", "threshold", "segmentThresholds.ENTERPRISE", "spillCreditTo",
                "clawbackDays", "nearThresholdShare", "color"), problems.keySet());
        assertEquals(Map.of("threshold", "must have at most 2 decimals"),
                new BucketRule().validate(Map.of("threshold", new java.math.BigDecimal("10.001"))));
        assertEquals(Map.of("threshold", "must be a whole number of seats"),
                new BucketRule().validate(Map.of("metric", "ACCOUNT_SEATS", "threshold", 10.5)));
        assertTrue(new BucketRule().validate(Map.of("threshold", 10_000, "spillCreditTo", "account_owner"))
                .isEmpty());
    }
}
