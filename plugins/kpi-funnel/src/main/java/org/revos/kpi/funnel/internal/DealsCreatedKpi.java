package org.revos.kpi.funnel.internal;

import java.math.BigDecimal;
import java.util.BitSet;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.revos.api.model.ObjectType;
import org.revos.api.query.ObjectTable;
import org.revos.api.spi.KpiRequest;
import org.revos.api.spi.KpiResult;
import org.revos.api.spi.KpiCalculator;
import org.revos.api.spi.KpiUnit;

/** {@code deals_created}: deals created during the period. */
@Component(service = KpiCalculator.class, property = "revos.kpi.id=deals_created")
public final class DealsCreatedKpi extends FunnelKpi {

    public DealsCreatedKpi() {
        super("deals_created", "Deals created", KpiUnit.COUNT, true);
    }

    @Override
    public KpiResult compute(KpiRequest request) {
        ObjectTable deals = request.facts().objects(ObjectType.DEAL);
        BitSet kept = request.matching(ObjectType.DEAL);
        long from = request.from();
        long until = request.until();
        long n = 0;
        for (int d = kept.nextSetBit(0); d >= 0; d = kept.nextSetBit(d + 1)) {
            if (deals.createdAt(d) >= from && deals.createdAt(d) < until) {
                n++;
            }
        }
        return new KpiResult(BigDecimal.valueOf(n), Map.of());
    }
}
