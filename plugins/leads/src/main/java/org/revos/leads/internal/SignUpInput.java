package org.revos.leads.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.revos.api.leads.Signal;
import org.revos.api.leads.SignUp;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.FieldType;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.kernel.spi.rest.JsonSchemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One sign-up as a request posts it, parsed with the kernel's field types (so what intake accepts a lead accepts),
 * and, once enriched, what the strategies see. Every problem is reported under the member's JSON path.
 */
record SignUpInput(String email, String domain, String name, String company, String country, Integer employees,
        String title, String source, List<Signal> signals, Instant receivedAt) implements SignUp {

    /** A usage signal or activity. */
    record SignalInput(String type, long count, Instant at) implements Signal {
    }

    static final int MAX_SIGNALS = 100;
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,49}");
    private static final Set<String> MEMBERS = Set.of("email", "name", "company", "country", "employees", "title",
            "source", "signals", "receivedAt");
    private static final FieldType EMAIL = FieldTypes.email();
    private static final FieldType TEXT = FieldTypes.text(200);
    private static final FieldType SOURCE = FieldTypes.text(100);
    private static final FieldType COUNTRY = FieldTypes.country();
    private static final FieldType EMPLOYEES = FieldTypes.integer(0, 10_000_000);
    private static final FieldType INSTANT = FieldTypes.instant();
    private static final FieldType COUNT = FieldTypes.integer(1, 1_000_000);

    /** At most this many signals are kept per lead; posting more drops the oldest (they count least, decayed). */
    static final int MAX_KEPT = 1000;

    /** @return signals as the intake record keeps them: [{"type", "count", "at"}], oldest first */
    static String signalsJson(List<Signal> signals) {
        var out = JsonNodeFactory.instance.arrayNode();
        for (Signal s : signals) {
            out.addObject().put("type", s.type()).put("count", s.count()).put("at", s.at().toEpochMilli());
        }
        return out.toString();
    }

    /** @return the signals an intake record keeps ({@link #signalsJson}); none for {@code null} */
    static List<Signal> signals(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            List<Signal> out = new ArrayList<>();
            for (JsonNode n : IntakeSettings.MAPPER.readTree(json)) {
                out.add(new SignalInput(n.get("type").asText(), n.get("count").asLong(), Instant.ofEpochMilli(n
                        .get("at").asLong())));
            }
            return out;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored signals do not parse", e);
        }
    }

    /**
     * Parses the body of {@code POST /leads/{id}/signals}: {@code {"signals": [...]}}, 1 to {@value #MAX_SIGNALS}.
     *
     * @return the signals, or an empty list after adding the problems to {@code v}
     */
    static List<Signal> postedSignals(JsonNode body, Instant now, Violations v) {
        if (body == null || !body.isObject()) {
            v.add("body", "must be a JSON object such as {\"signals\": [{\"type\": \"SEATS_ADDED\", \"count\": 3}]}");
            return List.of();
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
            String member = it.next();
            if (!member.equals("signals")) {
                v.add(member, "is not a member here; use signals");
            }
        }
        JsonNode list = body.get("signals");
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_SIGNALS) {
            v.add("signals", "must be a list of 1 to " + MAX_SIGNALS + " signals such as {\"type\": \"LOGIN\","
                    + " \"count\": 2}");
            return List.of();
        }
        List<Signal> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Signal s = signal(list.get(i), "signals[" + i + "]", now, v);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** @return the JSON Schema of {@link #postedSignals}' body */
    static ObjectNode signalsSchema() {
        return JsonSchemas.object("Product usage, engagement or growth signals of a lead, which re-score it")
                .required("signals", JsonSchemas.array(signalSchema(), 1, MAX_SIGNALS)).build();
    }

    /** @return this sign-up with firmographics enrichment filled */
    SignUpInput with(String company, String country, Integer employees, String title) {
        return new SignUpInput(email, domain, name, company, country, employees, title, source, signals, receivedAt);
    }

    /**
     * @param path the sign-up's JSON path ("" for a single sign-up, {@code signUps[3]} in a batch)
     * @return the sign-up, or {@code null} after adding its problems to {@code v}
     */
    static SignUpInput parse(JsonNode node, String path, Instant now, Violations v) {
        String prefix = path.isEmpty() ? "" : path + ".";
        if (node == null || !node.isObject()) {
            v.add(path.isEmpty() ? "body" : path, "must be a JSON object such as {\"email\": \"ana@acme.com\","
                    + " \"company\": \"Acme\", \"country\": \"DE\", \"employees\": 250}");
            return null;
        }
        int before = v.list().size();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String member = it.next();
            if (!MEMBERS.contains(member)) {
                v.add(prefix + member, "is not a member of a sign-up; use " + String.join(", ",
                        new java.util.TreeSet<>(MEMBERS)));
            }
        }
        String email = null;
        JsonNode e = node.get("email");
        if (e == null || e.isNull()) {
            v.add(prefix + "email", "is required: the e-mail the person signed up with");
        } else {
            email = (String) EMAIL.parse(e, prefix + "email", v);
        }
        String name = (String) value(node, "name", TEXT, prefix, v);
        String company = (String) value(node, "company", TEXT, prefix, v);
        String country = (String) value(node, "country", COUNTRY, prefix, v);
        Integer employees = (Integer) value(node, "employees", EMPLOYEES, prefix, v);
        String title = (String) value(node, "title", TEXT, prefix, v);
        String source = (String) value(node, "source", SOURCE, prefix, v);
        Long received = (Long) value(node, "receivedAt", INSTANT, prefix, v);
        Instant receivedAt = received == null ? now : Instant.ofEpochMilli(received);
        List<Signal> signals = new ArrayList<>();
        JsonNode list = node.get("signals");
        if (list != null && !list.isNull()) {
            if (!list.isArray() || list.size() > MAX_SIGNALS) {
                v.add(prefix + "signals", "must be a list of up to " + MAX_SIGNALS + " signals such as"
                        + " {\"type\": \"SEATS_ADDED\", \"count\": 3, \"at\": \"2026-07-15T10:00:00Z\"}");
            } else {
                for (int i = 0; i < list.size(); i++) {
                    Signal s = signal(list.get(i), prefix + "signals[" + i + "]", receivedAt, v);
                    if (s != null) {
                        signals.add(s);
                    }
                }
            }
        }
        if (v.list().size() > before || email == null) {
            return null;
        }
        String lower = email.toLowerCase(Locale.ROOT);
        return new SignUpInput(lower, lower.substring(lower.lastIndexOf('@') + 1), name, company, country,
                employees, title, source, List.copyOf(signals), receivedAt);
    }

    private static Signal signal(JsonNode node, String path, Instant receivedAt, Violations v) {
        if (node == null || !node.isObject()) {
            v.add(path, "must be a signal such as {\"type\": \"SEATS_ADDED\", \"count\": 3}");
            return null;
        }
        int before = v.list().size();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String member = it.next();
            if (!Set.of("type", "count", "at").contains(member)) {
                v.add(path + "." + member, "is not a member of a signal; use at, count, type");
            }
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual() || !TYPE.matcher(type.asText()).matches()) {
            v.add(path + ".type", "is required: the signal's type in upper case, such as SEATS_ADDED");
        }
        Integer count = (Integer) value(node, "count", COUNT, path + ".", v);
        Long at = (Long) value(node, "at", INSTANT, path + ".", v);
        if (v.list().size() > before) {
            return null;
        }
        return new SignalInput(type.asText(), count == null ? 1 : count, at == null ? receivedAt
                : Instant.ofEpochMilli(at));
    }

    private static Object value(JsonNode node, String member, FieldType type, String prefix, Violations v) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? null : type.parse(value, prefix + member, v);
    }

    /** @return the JSON Schema of one sign-up, from the same field types the parser uses */
    static ObjectNode schema() {
        ObjectNode signal = signalSchema();
        return JsonSchemas.object("One sign-up")
                .required("email", EMAIL.schema())
                .member("name", TEXT.schema())
                .member("company", TEXT.schema())
                .member("country", COUNTRY.schema())
                .member("employees", EMPLOYEES.schema())
                .member("title", TEXT.schema())
                .member("source", SOURCE.schema())
                .member("receivedAt", INSTANT.schema().put("description", "default: now"))
                .member("signals", JsonSchemas.array(signal, 0, MAX_SIGNALS))
                .build();
    }

    private static ObjectNode signalSchema() {
        return JsonSchemas.object("A product usage or growth signal")
                .required("type", JsonSchemas.type("string").put("pattern", "^" + TYPE.pattern() + "$")
                        .put("description", "such as SEATS_ADDED, BOARD_CREATED, LOGIN"))
                .member("count", COUNT.schema().put("description", "default 1"))
                .member("at", INSTANT.schema().put("description", "default: the sign-up's receivedAt (for posted"
                        + " signals: now)"))
                .build();
    }

    /** @return the fields of the lead intake creates, as the kernel's leads collection takes them */
    ObjectNode leadFields() {
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("email", email);
        putIf(out, "name", name);
        putIf(out, "company", company);
        putIf(out, "country", country);
        if (employees != null) {
            out.put("employees", employees);
        }
        putIf(out, "title", title);
        putIf(out, "source", source);
        return out;
    }

    private static void putIf(ObjectNode out, String field, String value) {
        if (value != null) {
            out.put(field, value);
        }
    }
}
