package org.revos.testplugin;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.revos.api.spi.KpiCalculator;
import org.revos.api.spi.KpiDefinition;
import org.revos.api.spi.KpiRequest;
import org.revos.api.spi.KpiResult;
import org.revos.api.spi.KpiUnit;

/** The {@code hello_count} KPI: how many hellos the tenant was served since the plugin started. */
@Component(property = HelloCountKpi.ID_PROPERTY + "=" + HelloCountKpi.ID)
public final class HelloCountKpi implements KpiCalculator {

    static final String ID_PROPERTY = "revos.kpi.id";
    static final String ID = "hello_count";

    private final HelloCounter counter;

    @Activate
    public HelloCountKpi(@Reference HelloCounter counter) {
        this.counter = counter;
    }

    @Override
    public KpiDefinition definition() {
        return new KpiDefinition(ID, "Hellos served", KpiUnit.COUNT, true, List.of());
    }

    @Override
    public KpiResult compute(KpiRequest request) {
        return new KpiResult(BigDecimal.valueOf(counter.of(request.data().tenant().id())), Map.of());
    }
}
