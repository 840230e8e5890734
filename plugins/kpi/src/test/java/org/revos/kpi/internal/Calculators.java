package org.revos.kpi.internal;

import java.util.List;

import org.revos.api.spi.KpiCalculator;
import org.revos.kpi.funnel.internal.AvgDealSizeKpi;
import org.revos.kpi.funnel.internal.ConversionKpi;
import org.revos.kpi.funnel.internal.DealsCreatedKpi;
import org.revos.kpi.funnel.internal.DealsLostKpi;
import org.revos.kpi.funnel.internal.DealsWonKpi;
import org.revos.kpi.funnel.internal.StageVolumeKpi;
import org.revos.kpi.funnel.internal.TimeBetweenKpi;
import org.revos.kpi.funnel.internal.WinRateKpi;
import org.revos.kpi.funnel.internal.WonRevenueKpi;
import org.revos.kpi.revenue.internal.GrrKpi;
import org.revos.kpi.revenue.internal.NrrKpi;
import org.revos.kpi.revenue.internal.RecurringRevenueKpi;
import org.revos.runtime.internal.gateway.PluginGateway;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.plugins.BundlelessReference;
import org.revos.runtime.internal.plugins.GatewayCalls;
import org.revos.runtime.internal.plugins.TenantPlugins;

/** The KPI calculators of the funnel and revenue plugins, offered as if their bundles were installed. */
final class Calculators {

    private Calculators() {
    }

    static KpiCalculators all(Store store) {
        KpiCalculators calculators = new KpiCalculators(new GatewayCalls(new PluginGateway(),
                new TenantPlugins(store)));
        for (KpiCalculator c : List.of(new DealsCreatedKpi(), new DealsWonKpi(), new DealsLostKpi(), new WinRateKpi(),
                new AvgDealSizeKpi(), new WonRevenueKpi(), new StageVolumeKpi(), new ConversionKpi(),
                new TimeBetweenKpi(), new RecurringRevenueKpi(), new NrrKpi(), new GrrKpi())) {
            calculators.addCalculator(BundlelessReference.of(KpiCalculator.class), c);
        }
        return calculators;
    }
}
