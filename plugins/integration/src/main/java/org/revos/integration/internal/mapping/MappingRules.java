package org.revos.integration.internal.mapping;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.revos.api.model.DealType;
import org.revos.api.model.Pipeline;
import org.revos.api.model.Stage;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.Violations;

/**
 * Checks that every target of a set of mappings exists in the tenant: stage ids of its default deal pipeline and of
 * its lead lifecycle, deal types, its loss-reason codes, and users (by id or e-mail; {@code null} for no owner).
 */
public final class MappingRules {

    private MappingRules() {
    }

    /**
     * @param field how the request named the mappings ({@code stages} in a document, {@code mapStage} in a query),
     *              per kind
     * @throws Problem 422 naming every target that is not the tenant's
     */
    public static void check(ValueMappings mappings, MappingTargets targets, Map<ValueKind, String> field) {
        Violations v = new Violations();
        for (ValueKind kind : ValueKind.values()) {
            mappings.of(kind).forEach((source, target) -> {
                String where = field.get(kind) + "." + source;
                if (target == null) {
                    if (kind != ValueKind.OWNERS) {
                        v.add(where, "must name a " + kind.words() + "; only an owner may map to null (no owner)");
                    }
                    return;
                }
                problem(kind, target, targets).ifPresent(message -> v.add(where, message));
            });
        }
        if (!v.isEmpty()) {
            throw Problem.unprocessable("Mappings refused", v.list().size() + " mapping(s) name a target this"
                    + " tenant does not have", v.list());
        }
    }

    private static Optional<String> problem(ValueKind kind, String target, MappingTargets targets) {
        return switch (kind) {
        case STAGES, LIFECYCLE_STAGES -> stage(targets.pipeline(kind), target, kind);
        case DEAL_TYPES -> Arrays.stream(DealType.values()).anyMatch(t -> t.name().equals(target)) ? Optional.empty()
                : Optional.of("'" + target + "' is no deal type; one of " + String.join(", ", Arrays.stream(
                        DealType.values()).map(Enum::name).toList()));
        case LOSS_REASONS -> targets.lossReasons().contains(target) ? Optional.empty()
                : Optional.of("'" + target + "' is none of the tenant's loss-reason codes: " + String.join(", ",
                        targets.lossReasons()));
        case OWNERS -> targets.owners().find(target).filter(u -> !u.by().equals("name")).isPresent()
                ? Optional.empty()
                : Optional.of("'" + target + "' is no user of the tenant; name the user by id or e-mail");
        };
    }

    private static Optional<String> stage(Optional<Pipeline> pipeline, String target, ValueKind kind) {
        if (pipeline.isEmpty()) {
            return Optional.of("the tenant has no " + (kind == ValueKind.STAGES ? "deal pipeline" : "lead lifecycle")
                    + ": enable a stage model first");
        }
        List<String> ids = pipeline.get().stages().stream().map(Stage::id).toList();
        return ids.contains(target) ? Optional.empty() : Optional.of("'" + target + "' is no stage of pipeline "
                + pipeline.get().id() + "; one of " + String.join(", ", ids));
    }
}
