package org.revos.runtime.internal.kpi;

import java.math.BigDecimal;

import org.revos.runtime.internal.persistence.KpiSettingsEntity;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.TenantSingletons;

/** A tenant's KPI settings, defaults included. */
final class KpiSettings {

    /** The name of the one settings row of a tenant (its id is {@link TenantSingletons#id} of it). */
    static final String ID = "kpi-settings";
    static final BigDecimal DEFAULT_YELLOW_FROM = new BigDecimal("0.9");

    private KpiSettings() {
    }

    /** @return the pace from which a goal is YELLOW for the tenant */
    static BigDecimal yellowFrom(Store store, String tenantId) {
        KpiSettingsEntity s = store.read(tenantId, em -> TenantSingletons.find(em, KpiSettingsEntity.class, tenantId,
                ID));
        return s == null ? DEFAULT_YELLOW_FROM : s.yellowFrom;
    }
}
