package org.revos.api.spi;

/** The unit of a KPI value. MONEY is in major units of the tenant's currency; DURATION in seconds. */
public enum KpiUnit {
    COUNT, RATIO, DURATION, MONEY
}
