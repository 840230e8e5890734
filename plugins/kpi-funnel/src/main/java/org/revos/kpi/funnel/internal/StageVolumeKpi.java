package org.revos.kpi.funnel.internal;

import java.math.BigDecimal;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.revos.api.spi.KpiRequest;
import org.revos.api.spi.KpiResult;
import org.revos.api.spi.KpiCalculator;
import org.revos.api.spi.KpiUnit;

/** {@code stage_volume} ({@code stage=}): leads or deals that entered the stage during the period, each once. */
@Component(service = KpiCalculator.class, property = "revos.kpi.id=stage_volume")
public final class StageVolumeKpi extends FunnelKpi {

    public StageVolumeKpi() {
        super("stage_volume", "Stage volume", KpiUnit.COUNT, true, "stage");
    }

    @Override
    public KpiResult compute(KpiRequest request) {
        Stages stage = Stages.of(request, "stage", request.require("stage").get(0));
        return new KpiResult(BigDecimal.valueOf(stage.enteredDuring(request).cardinality()),
                Map.of("stage", stage.id(), "objectType", stage.type().name()));
    }
}
