package org.revos.credit.buckets.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.revos.api.spi.AccountCredit;
import org.revos.api.spi.CreditBucket;
import org.revos.api.spi.CreditLine;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of the ledger over random histories. */
class BucketRulePropertiesTest {

    /** One generated event: rep (null for self-serve) and a signed ARR delta in major units. */
    record Step(String rep, long arr) {
    }

    @Provide
    Arbitrary<List<Step>> growth() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.of("A", "B", "C", null),
                Arbitraries.longs().between(1, 6_000)).as(Step::new);
        return step.list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<List<Step>> anyHistory() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.of("A", "B", "C", null),
                Arbitraries.longs().between(-4_000, 6_000).filter(v -> v != 0)).as(Step::new);
        return step.list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<Map<String, Object>> rules() {
        return Combinators.combine(Arbitraries.longs().between(1, 30_000),
                Arbitraries.of("CONTRIBUTORS", "CROSSING_REP", "ACCOUNT_OWNER"),
                Arbitraries.of(0, 0, 30, 400)).as((t, spill, days) -> Map.<String, Object>of("threshold", t,
                        "spillCreditTo", spill, "clawbackDays", days));
    }

    @Property
    void withoutContractionGreenPlusOrangeIsEverySalesClosedDelta(@ForAll("growth") List<Step> steps,
            @ForAll("rules") Map<String, Object> rule) {
        AccountCredit credit = replay(steps, rule);
        long sales = steps.stream().filter(s -> s.rep() != null).mapToLong(s -> s.arr() * 100).sum();
        assertEquals(sales, History.sum(credit, CreditBucket.GREEN) + History.sum(credit, CreditBucket.ORANGE));
    }

    @Property
    void creditNeverExceedsWhatSalesClosedAndNoRepEndsNegative(@ForAll("anyHistory") List<Step> steps,
            @ForAll("rules") Map<String, Object> rule) {
        AccountCredit credit = replay(steps, rule);
        long sales = accepted(steps).stream().filter(s -> s.rep() != null && s.arr() > 0).mapToLong(s -> s.arr() * 100).sum();
        long credited = credit.lines().stream().mapToLong(CreditLine::amountCents).sum();
        assertTrue(credited >= 0 && credited <= sales, credited + " credited of " + sales);
        History.byRep(credit, CreditBucket.GREEN).forEach((rep, sum) -> assertTrue(sum >= 0, rep + " " + sum));
        assertTrue(credit.lines().stream().filter(l -> l.bucket() == CreditBucket.ORANGE)
                .allMatch(l -> l.amountCents() > 0), "an orange line is never empty or negative");
    }

    @Property
    void anAccountIsGreenExactlyWhenItsTotalReachedTheThresholdAtSomeEvent(@ForAll("anyHistory") List<Step> steps,
            @ForAll("rules") Map<String, Object> rule) {
        AccountCredit credit = replay(steps, rule);
        long threshold = ((Number) rule.get("threshold")).longValue() * 100;
        long total = 0;
        boolean reached = false;
        for (Step s : accepted(steps)) {
            total += s.arr();
            reached |= total * 100 >= threshold;
        }
        assertEquals(reached ? CreditBucket.GREEN : CreditBucket.ORANGE, credit.bucket());
        if (reached) {
            assertTrue(credit.lines().stream().allMatch(l -> l.bucket() == CreditBucket.GREEN),
                    "nothing stays orange once the account is green");
        }
    }

    @Property
    void recomputingGivesTheSameLedger(@ForAll("anyHistory") List<Step> steps,
            @ForAll("rules") Map<String, Object> rule) {
        assertEquals(replay(steps, rule), replay(steps, rule));
    }

    private static AccountCredit replay(List<Step> steps, Map<String, Object> rule) {
        History h = History.account("MID_MARKET", "owner").rule(rule);
        for (Step s : accepted(steps)) {
            h.event(s.arr() > 0 ? s.rep() : null, s.arr(), 0);
        }
        return h.credit();
    }

    /** The steps the runtime would accept: an account's ARR never goes below zero. */
    private static List<Step> accepted(List<Step> steps) {
        List<Step> out = new java.util.ArrayList<>();
        long total = 0;
        for (Step s : steps) {
            if (total + s.arr() >= 0) {
                total += s.arr();
                out.add(s);
            }
        }
        return out;
    }
}
