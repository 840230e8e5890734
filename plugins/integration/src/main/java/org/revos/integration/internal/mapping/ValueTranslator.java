package org.revos.integration.internal.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.revos.api.model.ObjectType;
import org.revos.api.model.Stage;
import org.revos.api.spi.ImportRow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns the source values of an imported row into the tenant's: a deal's stage, type, owner and loss reason; a lead's
 * lifecycle stage and owner; a company's owner and lifecycle stage; a contact's lifecycle stage (a company's or
 * contact's lifecycle stage is kept as the property {@value SourceHints#LIFECYCLE_PROPERTY}, a stage id of the lead
 * lifecycle, when the tenant has one). The {@link SourceHints} leave the row. For a CRM's format, a value that maps
 * onto nothing makes the row bad, naming the value and how to map it: nothing is dropped or guessed silently. For a
 * format with no vocabulary (the native one), such a value is passed on as it is, and the object's own rules judge
 * it as they always did.
 */
public final class ValueTranslator {

    private final ObjectType type;
    private final String format;
    private final boolean strict;
    private final ValueResolver resolver;
    private final MappingTargets targets;
    private final MappingTally tally;

    /**
     * @param mappings the mappings in force: the request's over the tenant's
     * @param tally    where a dry run counts what each value became; {@code null} for an import
     */
    public ValueTranslator(ObjectType type, String format, ValueMappings mappings, MappingTargets targets,
            MappingTally tally) {
        CrmVocabulary vocabulary = CrmVocabulary.of(format);
        this.type = type;
        this.format = format;
        this.strict = !vocabulary.isNone();
        this.resolver = new ValueResolver(vocabulary, mappings, targets);
        this.targets = targets;
        this.tally = tally;
    }

    /** @return {@code row} with its values mapped, or with a problem for each value that maps onto nothing */
    public ImportRow translate(ImportRow row) {
        if (!row.problems().isEmpty()) {
            return row;
        }
        Map<String, String> fields = new HashMap<>(row.fields());
        SourceHints.ALL.forEach(fields::remove);
        List<String> problems = new ArrayList<>();
        switch (type) {
        case DEAL -> {
            String stage = map(fields, "stage", ValueKind.STAGES, row.fields(), problems);
            map(fields, "type", ValueKind.DEAL_TYPES, row.fields(), problems);
            map(fields, "ownerId", ValueKind.OWNERS, row.fields(), problems);
            lossReason(fields, stage, problems);
        }
        case LEAD -> {
            map(fields, "stage", ValueKind.LIFECYCLE_STAGES, Map.of(), problems);
            map(fields, "ownerId", ValueKind.OWNERS, row.fields(), problems);
        }
        case ACCOUNT -> {
            map(fields, "ownerId", ValueKind.OWNERS, row.fields(), problems);
            lifecycle(fields, row.fields().get(SourceHints.LIFECYCLE_STAGE), problems);
        }
        case CONTACT -> lifecycle(fields, row.fields().get(SourceHints.LIFECYCLE_STAGE), problems);
        default -> {
            // users, activities and revenue events carry no source values to map
        }
        }
        return new ImportRow(row.line(), fields, problems);
    }

    /** @return the mapped value of {@code field} (or its own when unmapped and not strict); null when blank */
    private String map(Map<String, String> fields, String field, ValueKind kind, Map<String, String> row,
            List<String> problems) {
        String value = fields.get(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        Resolution r = resolve(kind, value, row);
        if (!r.mapped() && isStage(kind) && targets.pipeline(kind).isEmpty()) {
            return value; // no stage model: the stage engine says so, as for any write
        }
        if (r.mapped()) {
            fields.put(field, r.target() == null ? "" : r.target());
            return r.target();
        }
        if (strict) {
            problems.add(unmapped(field, kind, value, r));
        }
        return value;
    }

    private void lossReason(Map<String, String> fields, String stage, List<String> problems) {
        String value = fields.get("lossReason");
        if (value != null && !value.isBlank()) {
            map(fields, "lossReason", ValueKind.LOSS_REASONS, Map.of(), problems);
            return;
        }
        boolean needsReason = stage != null && targets.deals().flatMap(p -> p.stages().stream()
                .filter(s -> s.id().equals(stage)).findFirst()).map(Stage::requiresLossReason).orElse(false);
        if (!needsReason) {
            return;
        }
        Resolution r = resolver.missingLossReason().orElseGet(() -> Resolution.unmapped("is empty, and the deal"
                + " lands in " + stage + ", which needs a loss reason"));
        record(ValueKind.LOSS_REASONS, "", r);
        if (r.mapped()) {
            fields.put("lossReason", r.target());
        } else if (strict) {
            problems.add("lossReason: the deal lands in " + stage + ", which needs a loss reason, and its row has"
                    + " none. Map every missing or unknown reason to a code with " + ValueKind.LOSS_REASONS.parameter()
                    + "=*=CODE, or with PUT /api/v1/imports/mappings/" + format + " {\"lossReasons\": {\"*\":"
                    + " \"CODE\"}}");
        }
    }

    private void lifecycle(Map<String, String> fields, String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (targets.leads().isEmpty()) {
            record(ValueKind.LIFECYCLE_STAGES, value, Resolution.to(null, "not kept: the tenant has no lead"
                    + " lifecycle"));
            return;
        }
        Resolution r = resolve(ValueKind.LIFECYCLE_STAGES, value, Map.of());
        if (!r.mapped()) {
            if (strict) {
                problems.add(unmapped(SourceHints.LIFECYCLE_STAGE, ValueKind.LIFECYCLE_STAGES, value, r));
            }
            return;
        }
        Optional<ObjectNode> properties = properties(fields.get("properties"));
        if (properties.isEmpty()) {
            problems.add("properties: must be a JSON object to take the lifecycle stage " + r.target());
            return;
        }
        properties.get().put(SourceHints.LIFECYCLE_PROPERTY, r.target());
        fields.put("properties", properties.get().toString());
    }

    private Resolution resolve(ValueKind kind, String value, Map<String, String> row) {
        Resolution r = switch (kind) {
        case STAGES, LIFECYCLE_STAGES -> resolver.stage(kind, value, row);
        case DEAL_TYPES -> resolver.dealType(value);
        case LOSS_REASONS -> resolver.lossReason(value);
        case OWNERS -> resolver.owner(value);
        };
        record(kind, value, r);
        return r;
    }

    private void record(ValueKind kind, String value, Resolution r) {
        if (tally != null) {
            tally.record(kind, value.trim(), r);
        }
    }

    private String unmapped(String field, ValueKind kind, String value, Resolution r) {
        return field + ": the " + kind.words() + " '" + value.trim() + "' " + r.by() + ". Map it for this tenant"
                + " with PUT /api/v1/imports/mappings/" + format + " {\"" + kind.key() + "\": {\"" + value.trim()
                + "\": ...}}, or for this import with " + kind.parameter() + "=" + value.trim() + "=...";
    }

    private static boolean isStage(ValueKind kind) {
        return kind == ValueKind.STAGES || kind == ValueKind.LIFECYCLE_STAGES;
    }

    private static Optional<ObjectNode> properties(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(JsonNodeFactory.instance.objectNode());
        }
        try {
            JsonNode node = EngineJson.MAPPER.readTree(text);
            return node instanceof ObjectNode o ? Optional.of(o) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
