package org.revos.kpi.internal;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.revos.kernel.spi.TenantRow;

/**
 * A tenant's settings of goals and KPIs; one row per tenant at most, absent while the defaults apply. Table and JPQL
 * name are those the kernel used, so data folders of earlier versions keep their settings.
 */
@Entity(name = "KpiSettingsEntity")
@Table(name = "KPI_SETTINGS")
public class KpiSettingsEntity extends TenantRow {
    /** The pace from which a goal is YELLOW rather than RED. */
    @Column(precision = 9, scale = 4, nullable = false)
    public BigDecimal yellowFrom;
}
