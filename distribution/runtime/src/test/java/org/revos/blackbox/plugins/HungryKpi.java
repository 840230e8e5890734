package org.revos.blackbox.plugins;

import java.util.ArrayList;
import java.util.List;

import org.revos.api.spi.KpiCalculator;
import org.revos.api.spi.KpiDefinition;
import org.revos.api.spi.KpiRequest;
import org.revos.api.spi.KpiResult;
import org.revos.api.spi.KpiUnit;

/**
 * A KPI calculator that allocates without bound, 4 MiB at a time, until the heap is exhausted (or the gateway gives
 * up on it and it is interrupted): what a plugin with a runaway cache does.
 */
public class HungryKpi implements KpiCalculator {

    public static final String ID = "bad_hungry";

    @Override
    public KpiDefinition definition() {
        return new KpiDefinition(ID, "Eats the heap", KpiUnit.COUNT, true, List.of());
    }

    @Override
    public KpiResult compute(KpiRequest request) {
        List<long[]> hoard = new ArrayList<>();
        while (!Thread.currentThread().isInterrupted()) {
            hoard.add(new long[1 << 19]);
        }
        throw new IllegalStateException("interrupted after hoarding " + hoard.size() + " blocks");
    }
}
