package org.revos.api.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One stage of a pipeline, with what it takes to enter it.
 *
 * @param probability        default win probability in [0, 1]
 * @param requiredProperties property keys that must be set to enter this stage
 * @param requiresLossReason whether entering this stage needs a loss reason from the tenant's code list
 * @param entryCriteria      conditions on the object that must all hold to enter this stage (see
 *                           {@link EntryCriterion})
 * @param allowedFrom        ids of the stages an object may move here from; empty when it may come from any stage
 */
public record Stage(String id, String label, StageCategory category, double probability, BowTiePhase phase,
        List<String> requiredProperties, boolean requiresLossReason, List<EntryCriterion> entryCriteria,
        List<String> allowedFrom) {

    public Stage {
        requiredProperties = requiredProperties == null ? List.of() : List.copyOf(requiredProperties);
        entryCriteria = entryCriteria == null ? List.of() : List.copyOf(entryCriteria);
        allowedFrom = allowedFrom == null ? List.of() : List.copyOf(allowedFrom);
    }

    /** A stage without entry criteria that may be entered from any stage. */
    public Stage(String id, String label, StageCategory category, double probability, BowTiePhase phase,
            List<String> requiredProperties, boolean requiresLossReason) {
        this(id, label, category, probability, phase, requiredProperties, requiresLossReason, List.of(), List.of());
    }

    /** @return this stage with {@code criteria} added to its entry criteria */
    public Stage withEntryCriteria(List<EntryCriterion> criteria) {
        List<EntryCriterion> all = new ArrayList<>(entryCriteria);
        all.addAll(criteria);
        return new Stage(id, label, category, probability, phase, requiredProperties, requiresLossReason, all,
                allowedFrom);
    }

    /** @return this stage with {@code keys} added to its required properties (each once) */
    public Stage withRequiredProperties(List<String> keys) {
        List<String> all = new ArrayList<>(requiredProperties);
        keys.stream().filter(k -> !all.contains(k)).forEach(all::add);
        return new Stage(id, label, category, probability, phase, all, requiresLossReason, entryCriteria,
                allowedFrom);
    }

    /** @return this stage, entered only from the stages {@code stageIds} */
    public Stage enteredFrom(String... stageIds) {
        return new Stage(id, label, category, probability, phase, requiredProperties, requiresLossReason,
                entryCriteria, List.of(stageIds));
    }

    /** @return whether an object in stage {@code from} may move here */
    public boolean allowsMoveFrom(String from) {
        return allowedFrom.isEmpty() || from == null || allowedFrom.contains(from);
    }
}
