package org.revos.api.model;

import java.util.List;

/**
 * An ordered list of stages for leads or deals.
 *
 * @param objectType {@link ObjectType#LEAD} or {@link ObjectType#DEAL}
 * @param isDefault  whether new objects without a pipeline start in this one
 */
public record Pipeline(String id, ObjectType objectType, boolean isDefault, List<Stage> stages) {
    public Pipeline {
        stages = List.copyOf(stages);
    }
}
