package org.revos.stages.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import org.revos.api.model.ActivityType;
import org.revos.api.model.EntryCriterion;
import org.revos.api.model.Stage;
import org.revos.kernel.spi.Violations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Evaluates a stage's {@link EntryCriterion entry criteria} against a lead or deal as the API renders it (with the
 * properties the move sets), adding one violation per unmet criterion: the criterion's field ({@code activities}
 * for a qualifying action), what it asks for and what the object has.
 */
final class EntryCriteria {

    private EntryCriteria() {
    }

    /**
     * @param object     the object as rendered, with {@code properties} as they would be after the move
     * @param activities counts the activities linked to the object of the given types (all types when empty)
     */
    static void check(Stage target, ObjectNode object, ToLongFunction<List<ActivityType>> activities,
            Violations unmet) {
        String entering = " to enter " + target.label();
        for (EntryCriterion criterion : target.entryCriteria()) {
            if (criterion instanceof EntryCriterion.FieldIn in) {
                JsonNode value = value(object, in.field());
                boolean met = value != null && in.values().stream().anyMatch(v -> v.equalsIgnoreCase(value.asText()));
                if (!met) {
                    unmet.add(in.field(), in.description() + ": must be one of " + String.join(", ", in.values())
                            + entering + " (" + shown(value) + ")");
                }
            } else if (criterion instanceof EntryCriterion.FieldAtLeast atLeast) {
                JsonNode value = value(object, atLeast.field());
                if (number(value) == null || number(value).compareTo(BigDecimal.valueOf(atLeast.minimum())) < 0) {
                    unmet.add(atLeast.field(), atLeast.description() + ": must be at least " + atLeast.minimum()
                            + entering + " (" + shown(value) + ")");
                }
            } else if (criterion instanceof EntryCriterion.FieldContainsAny contains) {
                JsonNode value = value(object, contains.field());
                String text = value == null ? "" : value.asText().toLowerCase(Locale.ROOT);
                if (contains.keywords().stream().noneMatch(k -> text.contains(k.toLowerCase(Locale.ROOT)))) {
                    unmet.add(contains.field(), contains.description() + ": must contain one of "
                            + String.join(", ", contains.keywords()) + entering + " (" + shown(value) + ")");
                }
            } else if (criterion instanceof EntryCriterion.ActivitiesAtLeast action) {
                List<ActivityType> types = action.types().stream().sorted().toList();
                long count = activities.applyAsLong(types);
                if (count < action.minimum()) {
                    unmet.add("activities", action.description() + ": needs at least " + action.minimum() + " "
                            + (types.isEmpty() ? "activit" + (action.minimum() == 1 ? "y" : "ies")
                                    : types.stream().map(Enum::name).collect(Collectors.joining(" or ")))
                            + " linked to it" + entering + " (has " + count + ")");
                }
            }
        }
    }

    /** @return the value at {@code field} ({@code properties.<key>} for a custom property), null when unset */
    private static JsonNode value(ObjectNode object, String field) {
        JsonNode value = field.startsWith("properties.") ? object.path("properties").get(field.substring(11))
                : object.get(field);
        return value == null || value.isNull() || (value.isTextual() && value.textValue().isBlank()) ? null : value;
    }

    private static BigDecimal number(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return new BigDecimal(value.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String shown(JsonNode value) {
        return value == null ? "not set" : "is " + value.asText();
    }
}
