package org.revos.api.model;

import java.util.List;

/**
 * One stage of a pipeline.
 *
 * @param probability        default win probability in [0, 1]
 * @param requiredProperties property keys that must be set to enter this stage
 * @param requiresLossReason whether entering this stage needs a loss reason from the tenant's code list
 */
public record Stage(String id, String label, StageCategory category, double probability, BowTiePhase phase,
        List<String> requiredProperties, boolean requiresLossReason) {
    public Stage {
        requiredProperties = requiredProperties == null ? List.of() : List.copyOf(requiredProperties);
    }
}
