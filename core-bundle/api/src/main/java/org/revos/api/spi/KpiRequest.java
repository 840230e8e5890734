package org.revos.api.spi;

import java.util.Map;

import org.revos.api.model.Period;
import org.revos.api.query.TenantData;

/**
 * One computation of a KPI.
 *
 * @param filter     slices by {@code segment}, {@code ownerId}, {@code team}, {@code source}, {@code country},
 *                   {@code pipeline}; absent keys do not filter
 * @param parameters the KPI's own parameters, by the names its definition declares
 * @param data       the tenant's data
 */
public record KpiRequest(Period period, Map<String, String> filter, Map<String, String> parameters, TenantData data) {
    public KpiRequest {
        filter = Map.copyOf(filter);
        parameters = Map.copyOf(parameters);
    }
}
