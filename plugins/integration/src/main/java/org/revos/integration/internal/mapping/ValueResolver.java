package org.revos.integration.internal.mapping;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.revos.api.model.DealType;
import org.revos.api.model.Pipeline;
import org.revos.api.model.Stage;

/**
 * Resolves one source value of one kind, in this order: the mappings (the request's over the tenant's), the tenant's
 * own value of that name (a stage id or label, a deal type, a loss-reason code, a user by id, e-mail or name), the
 * CRM's standard vocabulary, for stages what the row's won/closed/probability columns say, and last the mappings'
 * {@value ValueMappings#ANY} entry.
 */
final class ValueResolver {

    private final CrmVocabulary vocabulary;
    private final ValueMappings mappings;
    private final MappingTargets targets;

    ValueResolver(CrmVocabulary vocabulary, ValueMappings mappings, MappingTargets targets) {
        this.vocabulary = vocabulary;
        this.mappings = mappings;
        this.targets = targets;
    }

    /** @param hints the row, for what its won, closed and probability columns say; empty for lifecycle stages */
    Resolution stage(ValueKind kind, String value, Map<String, String> hints) {
        Pipeline pipeline = targets.pipeline(kind).orElse(null);
        if (pipeline == null) {
            return Resolution.unmapped("the tenant has no " + (kind == ValueKind.STAGES ? "deal pipeline"
                    : "lead lifecycle") + " to place it in");
        }
        Optional<Map.Entry<String, String>> mapped = mappings.find(kind, value);
        if (mapped.isPresent()) {
            return stageMapping(pipeline, mapped.get().getValue(), "mapping");
        }
        Optional<Stage> own = StagePlacement.byIdOrLabel(pipeline, value);
        if (own.isPresent()) {
            return Resolution.to(own.get().id(), "stage of pipeline " + pipeline.id());
        }
        Optional<StageMeaning> standard = kind == ValueKind.STAGES ? vocabulary.stage(value)
                : vocabulary.lifecycleStage(value);
        Optional<Resolution> placed = standard.flatMap(m -> placed(pipeline, m, vocabulary.name()
                + " standard value"));
        if (placed.isPresent()) {
            return placed.get();
        }
        placed = StagePlacement.fromHints(hints).flatMap(m -> placed(pipeline, m, "the row's won, closed and"
                + " probability columns"));
        if (placed.isPresent()) {
            return placed.get();
        }
        return mappings.fallback(kind).map(e -> stageMapping(pipeline, e.getValue(), "mapping of *"))
                .orElseGet(() -> Resolution.unmapped("is no stage of pipeline " + pipeline.id()));
    }

    Resolution dealType(String value) {
        Optional<Map.Entry<String, String>> mapped = mappings.find(ValueKind.DEAL_TYPES, value);
        if (mapped.isPresent()) {
            return Resolution.to(mapped.get().getValue(), "mapping");
        }
        String name = value.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
        for (DealType t : DealType.values()) {
            if (t.name().equals(name)) {
                return Resolution.to(t.name(), "deal type");
            }
        }
        Optional<DealType> standard = vocabulary.dealType(value);
        if (standard.isPresent()) {
            return Resolution.to(standard.get().name(), vocabulary.name() + " standard value");
        }
        return fallback(ValueKind.DEAL_TYPES, "is no deal type (NEW_BUSINESS, EXPANSION, CROSS_SELL, RENEWAL,"
                + " CONTRACTION)");
    }

    Resolution lossReason(String value) {
        Optional<Map.Entry<String, String>> mapped = mappings.find(ValueKind.LOSS_REASONS, value);
        if (mapped.isPresent()) {
            return Resolution.to(mapped.get().getValue(), "mapping");
        }
        String code = value.trim().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        if (targets.lossReasons().contains(code)) {
            return Resolution.to(code, "loss-reason code");
        }
        return fallback(ValueKind.LOSS_REASONS, "is none of the tenant's loss-reason codes ("
                + String.join(", ", targets.lossReasons()) + ")");
    }

    /** A lost deal's empty loss reason: the {@value ValueMappings#ANY} mapping's code, if any. */
    Optional<Resolution> missingLossReason() {
        return mappings.fallback(ValueKind.LOSS_REASONS).map(e -> Resolution.to(e.getValue(), "mapping of *"));
    }

    Resolution owner(String value) {
        Optional<Map.Entry<String, String>> mapped = mappings.find(ValueKind.OWNERS, value);
        if (mapped.isPresent()) {
            return ownerMapping(mapped.get().getValue(), "mapping");
        }
        Optional<OwnerDirectory.Found> user = targets.owners().find(value);
        if (user.isPresent()) {
            return Resolution.to(user.get().userId(), "user by " + user.get().by());
        }
        Optional<Map.Entry<String, String>> any = mappings.fallback(ValueKind.OWNERS);
        if (any.isPresent()) {
            return ownerMapping(any.get().getValue(), "mapping of *");
        }
        return Resolution.unmapped(targets.owners().isSharedName(value) ? "names several users; map it to one"
                : "is no user of the tenant (by id, e-mail or name)");
    }

    private Resolution stageMapping(Pipeline pipeline, String target, String by) {
        return StagePlacement.byIdOrLabel(pipeline, target).map(s -> Resolution.to(s.id(), by))
                .orElseGet(() -> Resolution.unmapped("is mapped to " + target + ", which is no stage of pipeline "
                        + pipeline.id()));
    }

    private Optional<Resolution> placed(Pipeline pipeline, StageMeaning meaning, String by) {
        return StagePlacement.of(pipeline, meaning).map(s -> Resolution.to(s.id(), by + " (" + meaning + ")"));
    }

    private Resolution ownerMapping(String target, String by) {
        if (target == null) {
            return Resolution.to(null, by + ": no owner");
        }
        return targets.owners().find(target).map(u -> Resolution.to(u.userId(), by))
                .orElseGet(() -> Resolution.unmapped("is mapped to " + target + ", which is no user of the tenant"));
    }

    private Resolution fallback(ValueKind kind, String why) {
        return mappings.fallback(kind).map(e -> Resolution.to(e.getValue(), "mapping of *"))
                .orElseGet(() -> Resolution.unmapped(why));
    }
}
