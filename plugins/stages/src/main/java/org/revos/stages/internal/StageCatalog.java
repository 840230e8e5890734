package org.revos.stages.internal;

import java.util.List;
import java.util.Optional;

import org.revos.api.model.ObjectType;
import org.revos.api.model.Pipeline;
import org.revos.api.model.PropertyDefinition;
import org.revos.api.model.Stage;
import org.revos.kernel.spi.Problem;

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

    /**
     * @return the pipelines with each stage's required properties extended by the property definitions that name
     *         the stage in {@code requiredInStages}: the requirements the stage engine enforces
     */
    public List<Pipeline> effectivePipelines(List<PropertyDefinition> definitions) {
        return pipelines.stream().map(p -> new Pipeline(p.id(), p.objectType(), p.isDefault(), p.stages().stream()
                .map(s -> {
                    java.util.LinkedHashSet<String> required = new java.util.LinkedHashSet<>(s.requiredProperties());
                    definitions.stream().filter(d -> d.objectType() == p.objectType()
                            && d.requiredInStages().contains(s.id())).forEach(d -> required.add(d.key()));
                    return required.size() == s.requiredProperties().size() ? s
                            : new Stage(s.id(), s.label(), s.category(), s.probability(), s.phase(),
                                    List.copyOf(required), s.requiresLossReason(), s.entryCriteria(), s.allowedFrom());
                }).toList())).toList();
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
