package org.revos.blackbox.plugins;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.revos.api.spi.KpiCalculator;
import org.revos.api.spi.KpiDefinition;
import org.revos.api.spi.KpiRequest;
import org.revos.api.spi.KpiResult;
import org.revos.api.spi.KpiUnit;

/**
 * A KPI calculator that hangs far past the gateway's timeout and ignores being interrupted, as a plugin stuck in a
 * remote call without a timeout would. It gives up after {@link #HANG_MILLIS} so a test run leaves no thread behind.
 */
public class HangingKpi implements KpiCalculator {

    public static final String ID = "bad_hanging";
    public static final long HANG_MILLIS = 25_000;

    @Override
    public KpiDefinition definition() {
        return new KpiDefinition(ID, "Never answers in time", KpiUnit.COUNT, true, List.of());
    }

    @Override
    public KpiResult compute(KpiRequest request) {
        long until = System.currentTimeMillis() + HANG_MILLIS;
        while (System.currentTimeMillis() < until) {
            try {
                Thread.sleep(until - System.currentTimeMillis());
            } catch (InterruptedException ignored) {
                // misbehaves: carries on hanging
            }
        }
        return new KpiResult(BigDecimal.ONE, Map.of());
    }
}
