package org.revos.runtime.internal.stages;

import java.util.List;
import java.util.Optional;

import org.revos.api.model.ObjectType;
import org.revos.api.model.Pipeline;
import org.revos.runtime.internal.problem.Problem;

/**
 * The pipelines and loss reasons one tenant has now.
 *
 * @param active whether any stage model is enabled for the tenant
 */
public record StageCatalog(boolean active, List<Pipeline> pipelines, List<String> lossReasons) {

    public StageCatalog {
        pipelines = List.copyOf(pipelines);
        lossReasons = List.copyOf(lossReasons);
    }

    /** @return the pipeline new objects of {@code type} start in: the default one, else the first */
    public Optional<Pipeline> defaultPipeline(ObjectType type) {
        List<Pipeline> ofType = pipelines.stream().filter(p -> p.objectType() == type).toList();
        return ofType.stream().filter(Pipeline::isDefault).findFirst().or(() -> ofType.stream().findFirst());
    }

    public Optional<Pipeline> pipeline(ObjectType type, String id) {
        return pipelines.stream().filter(p -> p.objectType() == type && p.id().equals(id)).findFirst();
    }

    /** @throws Problem 409 when no stage model is active for the tenant */
    public void requireActive() {
        if (!active) {
            throw Problem.conflict("No stage model is active for this tenant: install or enable a plugin that"
                    + " provides one (such as org.revos.stages.lifecycle). Stored stages and their history stay"
                    + " readable.", List.of());
        }
    }
}
