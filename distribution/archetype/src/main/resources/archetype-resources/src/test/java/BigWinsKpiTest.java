package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.revos.api.spi.InvalidKpiRequest;
import org.revos.testkit.KpiRequests;

/** The KPI over facts built with the RevOS test kit: no runtime needed. */
class BigWinsKpiTest {

    /** Three deals: a big and a small win in January, a big loss in February. */
    private static KpiRequests quarter() {
        return KpiRequests.forTenant()
                .deal("d1", "2026-01-05", 20_000_00, Map.of("segment", "ENT", "ownerId", "u1"))
                .deal("d2", "2026-01-06", 5_000_00, Map.of("segment", "SMB", "ownerId", "u2"))
                .deal("d3", "2026-01-07", 50_000_00, Map.of("segment", "ENT", "ownerId", "u2"))
                .dealEntered("d1", "CLOSED_WON", "2026-01-20")
                .dealEntered("d2", "CLOSED_WON", "2026-01-21")
                .dealEntered("d3", "CLOSED_LOST", "2026-02-01")
                .period("2026-Q1");
    }

    @Test
    void countsWonDealsAboveTheMinimum() {
        assertEquals(BigDecimal.ONE, quarter().value(new BigWinsKpi()));
        assertEquals(BigDecimal.valueOf(2), quarter().parameter("minimum", "5000").value(new BigWinsKpi()));
    }

    @Test
    void keepsToThePeriodTheFilterAndWhatWasKnown() {
        assertEquals(BigDecimal.ZERO, quarter().period("2026-Q2").value(new BigWinsKpi()));
        assertEquals(BigDecimal.ZERO, quarter().filter("segment", "SMB").value(new BigWinsKpi()));
        assertEquals(BigDecimal.ZERO, quarter().asOf("2026-01-15").value(new BigWinsKpi()));
    }

    @Test
    void refusesAMinimumThatIsNoAmount() {
        InvalidKpiRequest refused = assertThrows(InvalidKpiRequest.class,
                () -> quarter().parameter("minimum", "lots").value(new BigWinsKpi()));
        assertEquals(java.util.Set.of("minimum"), refused.problems().keySet());
    }
}
