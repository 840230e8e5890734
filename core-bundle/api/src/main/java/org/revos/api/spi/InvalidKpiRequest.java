package org.revos.api.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A KPI request a calculator cannot answer because parameters are missing or invalid; names every problem, by
 * parameter, so the caller can fix them all at once. The runtime answers it as a 400 problem.
 */
public final class InvalidKpiRequest extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> problems;

    /** @param problems messages by parameter name, in the order to show them */
    public InvalidKpiRequest(Map<String, String> problems) {
        super(problems.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; ")));
        this.problems = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    public InvalidKpiRequest(String parameter, String message) {
        this(Map.of(parameter, message));
    }

    /** @return messages by parameter name */
    public Map<String, String> problems() {
        return problems;
    }
}
