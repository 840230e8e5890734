package org.revos.integration.internal.mapping;

import java.util.List;
import java.util.Optional;

import org.revos.api.model.Pipeline;

/**
 * What a tenant's values map onto: the pipelines imported deals and leads land in (empty without a stage model), its
 * loss-reason codes and its users.
 *
 * @param deals       the default deal pipeline
 * @param leads       the default lead pipeline: the lead lifecycle, when the tenant uses one
 * @param lossReasons the tenant's loss-reason codes
 * @param owners      the tenant's users
 */
public record MappingTargets(Optional<Pipeline> deals, Optional<Pipeline> leads, List<String> lossReasons,
        OwnerDirectory owners) {

    public MappingTargets {
        lossReasons = List.copyOf(lossReasons);
    }

    /** @return the pipeline stages of {@code kind} land in */
    Optional<Pipeline> pipeline(ValueKind kind) {
        return kind == ValueKind.STAGES ? deals : leads;
    }
}
