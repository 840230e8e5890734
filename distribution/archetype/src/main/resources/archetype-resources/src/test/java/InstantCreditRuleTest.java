package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.revos.api.spi.AccountCredit;
import org.revos.api.spi.CreditBucket;
import org.revos.api.spi.CreditLine;
import org.revos.testkit.CreditInputs;
import org.revos.testkit.Instants;

/** The rule over account histories built with the RevOS test kit. */
class InstantCreditRuleTest {

    private final InstantCreditRule rule = new InstantCreditRule();

    @Test
    void salesAboveTheMinimumAreGreenAtOnceSmallerOnesStayOrange() {
        AccountCredit credit = CreditInputs.account("acc_1").owner("u1")
                .version("2026-01-01", Map.of("minimumArr", 1000))
                .sale("2026-01-10", 500_00, "u1")
                .selfServe("2026-01-15", 300_00)
                .sale("2026-02-01", 2_000_00, "u2")
                .credit(rule);
        assertEquals(CreditBucket.GREEN, credit.bucket());
        assertEquals(Instants.at("2026-02-01"), credit.greenAt());
        assertEquals(2_800_00, credit.total(), "self-serve revenue counts toward the total");
        assertEquals(List.of(CreditBucket.ORANGE, CreditBucket.GREEN),
                credit.lines().stream().map(CreditLine::bucket).toList(), "self-serve revenue is nobody's credit");
        assertEquals("u2", credit.lines().get(1).ownerId());
    }

    @Test
    void theVersionInEffectWhenRevenueOccurredDecides() {
        AccountCredit credit = CreditInputs.account("acc_1")
                .version("2026-01-01", Map.of("minimumArr", 1000))
                .version("2026-03-01", Map.of("minimumArr", 100))
                .sale("2026-02-01", 500_00, "u1")
                .sale("2026-03-02", 500_00, "u1")
                .credit(rule);
        assertEquals(List.of(CreditBucket.ORANGE, CreditBucket.GREEN),
                credit.lines().stream().map(CreditLine::bucket).toList());
    }

    @Test
    void anAccountWithoutSalesStaysOrange() {
        AccountCredit credit = CreditInputs.account("acc_1").selfServe("2026-01-01", 900_00).credit(rule);
        assertEquals(CreditBucket.ORANGE, credit.bucket());
        assertNull(credit.greenAt());
        assertTrue(credit.lines().isEmpty());
    }

    @Test
    void refusesSettingsItDoesNotKnowOrCannotRead() {
        assertEquals(Map.of(), rule.validate(Map.of("minimumArr", 0)));
        assertEquals(Map.of(), rule.validate(Map.of()));
        assertEquals(java.util.Set.of("minimumArr", "threshold"),
                rule.validate(Map.of("minimumArr", -1, "threshold", 5)).keySet());
        assertEquals(java.util.Set.of("minimumArr"), rule.validate(Map.of("minimumArr", "many")).keySet());
    }
}
