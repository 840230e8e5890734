package org.revos.api.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Computes one KPI for a tenant, a period and a filter. Must be a pure function of the stored facts: the same data
 * gives the same value.
 */
@ConsumerType
public interface KpiCalculator {

    KpiDefinition definition();

    /**
     * @throws IllegalArgumentException when a parameter is missing or invalid; the message is shown to the caller
     */
    KpiResult compute(KpiRequest request);
}
