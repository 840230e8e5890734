package org.revos.integration.internal.mapping;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.revos.api.model.Pipeline;
import org.revos.api.model.Stage;

/**
 * A tenant's value mappings for one import format as {@code GET /api/v1/imports/mappings/{format}} shows them: what
 * the tenant set (a {@code PUT} sends the same members back), and the format's defaults as they land in the tenant's
 * pipelines now.
 *
 * @param format          the import format
 * @param stages          deal stage value → stage id of the default deal pipeline
 * @param lifecycleStages lifecycle stage or lead status value → stage id of the lead lifecycle
 * @param dealTypes       deal type value → NEW_BUSINESS, EXPANSION, CROSS_SELL, RENEWAL or CONTRACTION
 * @param lossReasons     loss reason text → the tenant's code
 * @param owners          owner name or e-mail → user id or e-mail; null imports the object without an owner
 * @param defaults        what applies where the tenant set nothing
 */
public record MappingsView(String format, Map<String, String> stages, Map<String, String> lifecycleStages,
        Map<String, String> dealTypes, Map<String, String> lossReasons, Map<String, String> owners,
        Defaults defaults) {

    /**
     * The format's defaults for this tenant.
     *
     * @param stages          the CRM's standard deal stages → the tenant stage each lands in
     * @param lifecycleStages the CRM's standard lifecycle stages (lead statuses) → the lead lifecycle stage
     * @param dealTypes       the CRM's standard deal types → RevOS deal type
     * @param rules           how values no mapping names are found, in order
     */
    public record Defaults(Map<String, String> stages, Map<String, String> lifecycleStages,
            Map<String, String> dealTypes, java.util.List<String> rules) {
    }

    static final java.util.List<String> RULES = java.util.List.of(
            "A mapping of the request (mapStage=, mapDealType=, mapLossReason=, mapOwner=, mapLifecycleStage=)"
                    + " wins over the tenant's, which wins over the defaults.",
            "A value that is the tenant's own (a stage id or label, a deal type, a loss-reason code, also written"
                    + " in words such as 'No budget', a user's id, e-mail or unique name) maps to itself.",
            "The CRM's standard values map as listed here.",
            "A deal stage nothing names lands by the row's won, closed and probability columns: won, lost, or the"
                    + " open stage with the highest probability not above the row's.",
            "The source value * maps every value the rules above leave unmapped; for loss reasons it also fills"
                    + " the empty reason of a lost deal.",
            "A value still unmapped makes its row bad, naming it; a dry run lists every such value first.");

    /** @return the view of {@code mine} and the defaults of {@code format} for the tenant's {@code targets} */
    public static MappingsView of(String format, ValueMappings mine, MappingTargets targets) {
        CrmVocabulary vocabulary = CrmVocabulary.of(format);
        return new MappingsView(format, mine.of(ValueKind.STAGES), mine.of(ValueKind.LIFECYCLE_STAGES),
                mine.of(ValueKind.DEAL_TYPES), mine.of(ValueKind.LOSS_REASONS), mine.of(ValueKind.OWNERS),
                new Defaults(placed(vocabulary.stages(), targets.deals()),
                        placed(vocabulary.lifecycle(), targets.leads()),
                        mapped(vocabulary.dealTypes(), Enum::name), RULES));
    }

    private static Map<String, String> placed(Map<String, StageMeaning> meanings, Optional<Pipeline> pipeline) {
        Map<String, String> out = new LinkedHashMap<>();
        pipeline.ifPresent(p -> meanings.forEach((value, meaning) -> StagePlacement.of(p, meaning)
                .map(Stage::id).ifPresent(id -> out.put(value, id))));
        return out;
    }

    private static <T> Map<String, String> mapped(Map<String, T> values, Function<T, String> name) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((value, target) -> out.put(value, name.apply(target)));
        return out;
    }
}
