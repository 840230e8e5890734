package org.revos.api.spi;

import java.util.List;
import java.util.Objects;

/**
 * What a KPI is.
 *
 * @param higherIsBetter the KPI's direction
 * @param parameters     names of extra query parameters it takes (for example {@code from}, {@code to})
 */
public record KpiDefinition(String id, String label, KpiUnit unit, boolean higherIsBetter, List<String> parameters) {
    public KpiDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unit, "unit");
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }
}
