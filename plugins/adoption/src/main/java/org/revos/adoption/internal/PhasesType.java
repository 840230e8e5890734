package org.revos.adoption.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import org.revos.api.spi.Initiative.PhaseName;
import org.revos.api.spi.Initiative.PhaseStatus;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.FieldType;
import org.revos.kernel.spi.objects.FieldTypes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The five phases of an initiative: {@code {"discovery": {"start": "2026-01-05", "end": "2026-01-30", "status":
 * "DONE"}, "build": {...}, ...}}. A write may name some phases and some of their fields; the others keep their
 * values (a phase never mentioned is NOT_STARTED without dates): {@link #parse} answers just what was written, and
 * {@link #mergeInto} lays it over the stored phases. Stored as JSON text with all five phases.
 */
final class PhasesType implements FieldType {

    @Override
    public Object parse(JsonNode node, String path, Violations v) {
        if (!node.isObject()) {
            v.add(path, "must be an object of phases, such as {\"discovery\": {\"status\": \"DONE\"}}");
            return null;
        }
        ObjectNode phases = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = path + "." + e.getKey();
            PhaseName name = phase(e.getKey());
            if (name == null) {
                v.add(at, "is not a phase; the phases are " + names());
                continue;
            }
            if (!e.getValue().isObject()) {
                v.add(at, "must be an object with start, end and status");
                continue;
            }
            ObjectNode target = phases.putObject(key(name));
            for (Iterator<Map.Entry<String, JsonNode>> f = e.getValue().fields(); f.hasNext();) {
                Map.Entry<String, JsonNode> field = f.next();
                String fieldPath = at + "." + field.getKey();
                JsonNode value = field.getValue();
                switch (field.getKey()) {
                    case "start", "end" -> {
                        if (value.isNull()) {
                            target.putNull(field.getKey());
                        } else if (!value.isTextual() || !isDate(value.textValue())) {
                            v.add(fieldPath, "must be a date such as 2026-07-15, or null");
                        } else {
                            target.put(field.getKey(), value.textValue());
                        }
                    }
                    case "status" -> {
                        if (!value.isTextual() || Arrays.stream(PhaseStatus.values())
                                .noneMatch(s -> s.name().equals(value.textValue()))) {
                            v.add(fieldPath, "must be one of " + Arrays.toString(PhaseStatus.values()));
                        } else {
                            target.put("status", value.textValue());
                        }
                    }
                    default -> v.add(fieldPath, "is not a field of a phase; use start, end or status");
                }
            }
        }
        return phases;
    }

    /** @return the stored phases (JSON text, or {@code null} for none yet) with {@code written} laid over them */
    static String mergeInto(String stored, ObjectNode written) {
        ObjectNode out = stored == null ? empty() : (ObjectNode) FieldTypes.readTree(stored);
        written.fields().forEachRemaining(e -> ((ObjectNode) out.get(e.getKey())).setAll((ObjectNode) e.getValue()));
        return out.toString();
    }

    /** Adds a violation for each phase that ends before it starts. */
    static void checkDates(String stored, Violations v) {
        if (stored == null) {
            return;
        }
        FieldTypes.readTree(stored).fields().forEachRemaining(e -> {
            JsonNode start = e.getValue().get("start");
            JsonNode end = e.getValue().get("end");
            if (start != null && end != null && start.isTextual() && end.isTextual()
                    && LocalDate.parse(end.asText()).isBefore(LocalDate.parse(start.asText()))) {
                v.add("phases." + e.getKey() + ".end", "must not be before the phase's start");
            }
        });
    }

    @Override
    public JsonNode render(Object stored) {
        if (stored == null) {
            return empty();
        }
        return stored instanceof JsonNode node ? node : FieldTypes.readTree(stored.toString());
    }

    @Override
    public ObjectNode schema() {
        ObjectNode phase = FieldTypes.jsonType("object").put("additionalProperties", false).put("description",
                "A phase's dates are null until planned; its end may not be before its start");
        ObjectNode props = phase.putObject("properties");
        // Null until the phase is planned, and null clears a date: the answer shows null for an unplanned phase.
        for (String date : new String[] { "start", "end" }) {
            ObjectNode s = props.putObject(date).put("format", "date");
            s.putArray("type").add("string").add("null");
        }
        ObjectNode status = props.putObject("status").put("type", "string");
        Arrays.stream(PhaseStatus.values()).forEach(s -> status.withArray("enum").add(s.name()));
        ObjectNode schema = FieldTypes.jsonType("object").put("additionalProperties", false);
        ObjectNode phases = schema.putObject("properties");
        for (PhaseName name : PhaseName.values()) {
            phases.set(key(name), phase.deepCopy());
        }
        return schema;
    }

    static ObjectNode empty() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (PhaseName name : PhaseName.values()) {
            out.putObject(key(name)).putNull("start").putNull("end").put("status", PhaseStatus.NOT_STARTED.name());
        }
        return out;
    }

    static String key(PhaseName name) {
        return name.name().toLowerCase(Locale.ROOT);
    }

    private static PhaseName phase(String key) {
        return Arrays.stream(PhaseName.values()).filter(n -> key(n).equals(key)).findFirst().orElse(null);
    }

    private static String names() {
        return String.join(", ", Arrays.stream(PhaseName.values()).map(PhasesType::key).toList());
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
