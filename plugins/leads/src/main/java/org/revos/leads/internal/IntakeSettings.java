package org.revos.leads.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.rest.JsonSchemas;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A tenant's intake settings: the engine's own members (weights of fit and engagement, the MQL score, free mail
 * domains, which stages count as open load) and one part per strategy ({@code filters}, {@code scoring},
 * {@code routing}) that the strategy in use checks and reads. Missing members take their defaults.
 */
record IntakeSettings(int fitWeight, int engagementWeight, int mqlScore, boolean mql, Set<String> freeMailDomains,
        Set<String> openLeadStages, Set<String> closedDealStages, Map<String, Object> filters,
        Map<String, Object> scoring, Map<String, Object> routing,
        Map<String, Map<String, Map<String, Object>>> plugins) {

    /** The parts a strategy plugin may have a settings part of its own for. */
    static final List<String> PARTS = List.of("filters", "scoring", "routing");
    private static final Pattern PLUGIN = Pattern.compile("[A-Za-z0-9_.-]{1,200}");

    /**
     * @return the settings part a strategy of {@code pluginId} reads: its own ({@code plugins.<id>.<part>}) when
     *         the tenant gave it one, else the shared part ({@code filters}, {@code scoring}, {@code routing})
     */
    Map<String, Object> part(String pluginId, String part) {
        Map<String, Map<String, Object>> own = plugins.get(pluginId);
        if (own != null && own.containsKey(part)) {
            return own.get(part);
        }
        return switch (part) {
            case "filters" -> filters;
            case "scoring" -> scoring;
            default -> routing;
        };
    }

    /** @return the JSON path of the part {@link #part} hands that plugin's strategy, for its field errors */
    String partPath(String pluginId, String part) {
        Map<String, Map<String, Object>> own = plugins.get(pluginId);
        return own != null && own.containsKey(part) ? "plugins." + pluginId + "." + part : part;
    }

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    static final List<String> MEMBERS = List.of("weights", "mqlScore", "mql", "freeMailDomains", "openLeadStages",
            "closedDealStages", "filters", "scoring", "routing", "plugins");
    static final List<String> FREE_MAIL = List.of("gmail.com", "googlemail.com", "yahoo.com", "hotmail.com",
            "outlook.com", "live.com", "msn.com", "aol.com", "icloud.com", "me.com", "mail.com", "gmx.com", "gmx.de",
            "web.de", "yandex.ru", "mail.ru", "proton.me", "protonmail.com", "qq.com", "163.com", "zoho.com");
    private static final Pattern DOMAIN = Pattern.compile(
            "([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final Pattern STAGE = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    static final IntakeSettings DEFAULTS = parse(JsonNodeFactory.instance.objectNode(), new Violations());

    /** @return the settings, after adding every problem of {@code body} to {@code v} */
    static IntakeSettings parse(JsonNode body, Violations v) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
            String member = it.next();
            if (!MEMBERS.contains(member)) {
                v.add(member, "is not an intake setting; use " + String.join(", ", MEMBERS));
            }
        }
        int fit = 50;
        int engagement = 50;
        JsonNode weights = body.get("weights");
        if (weights != null) {
            if (!weights.isObject()) {
                v.add("weights", "must be an object such as {\"fit\": 50, \"engagement\": 50}");
            } else {
                for (Iterator<String> it = weights.fieldNames(); it.hasNext();) {
                    String member = it.next();
                    if (!member.equals("fit") && !member.equals("engagement")) {
                        v.add("weights." + member, "is not a weight; use fit, engagement");
                    }
                }
                fit = percent(weights.get("fit"), "weights.fit", v, 50);
                engagement = percent(weights.get("engagement"), "weights.engagement", v, 50);
                if (!v.has("weights.fit") && !v.has("weights.engagement") && fit + engagement != 100) {
                    v.add("weights", "fit and engagement must add up to 100; they add up to " + (fit + engagement));
                }
            }
        }
        int mqlScore = body.has("mqlScore") ? percent(body.get("mqlScore"), "mqlScore", v, 60) : 60;
        boolean mql = true;
        JsonNode m = body.get("mql");
        if (m != null && !m.isBoolean()) {
            v.add("mql", "must be true or false");
        } else if (m != null) {
            mql = m.asBoolean();
        }
        Set<String> freeMail = texts(body.get("freeMailDomains"), "freeMailDomains", DOMAIN, "a domain such as"
                + " gmail.com", v, FREE_MAIL);
        Set<String> openLeads = texts(body.get("openLeadStages"), "openLeadStages", STAGE, "a stage id such as MQL",
                v, List.of("RAW", "MQL", "SAL"));
        Set<String> closedDeals = texts(body.get("closedDealStages"), "closedDealStages", STAGE,
                "a stage id such as CLOSED_WON", v, List.of("CLOSED_WON", "CLOSED_LOST", "CHURNED"));
        return new IntakeSettings(fit, engagement, mqlScore, mql, freeMail, openLeads, closedDeals,
                part(body, "filters", v), part(body, "scoring", v), part(body, "routing", v), plugins(body, v));
    }

    private static Map<String, Map<String, Map<String, Object>>> plugins(JsonNode body, Violations v) {
        JsonNode node = body.get("plugins");
        if (node == null) {
            return Map.of();
        }
        if (!node.isObject() || node.size() > 100) {
            v.add("plugins", "must be an object of up to 100 plugins, plugin id → its own parts, such as"
                    + " {\"com.partner.leads\": {\"filters\": {...}}}");
            return Map.of();
        }
        Map<String, Map<String, Map<String, Object>>> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "plugins." + e.getKey();
            if (!PLUGIN.matcher(e.getKey()).matches()) {
                v.add(path, "is not a plugin id (letters, digits, dots, dashes and underscores)");
                continue;
            }
            if (!e.getValue().isObject()) {
                v.add(path, "must be an object with the plugin's own parts: filters, scoring, routing");
                continue;
            }
            Map<String, Map<String, Object>> parts = new LinkedHashMap<>();
            for (Iterator<String> names = e.getValue().fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!PARTS.contains(name)) {
                    v.add(path + "." + name, "is not a part; use filters, scoring, routing");
                    continue;
                }
                JsonNode part = e.getValue().get(name);
                if (!part.isObject()) {
                    v.add(path + "." + name, "must be an object: the settings of the plugin's " + name);
                    continue;
                }
                parts.put(name, MAPPER.convertValue(part, MAP));
            }
            out.put(e.getKey(), parts);
        }
        return out;
    }

    private static int percent(JsonNode node, String field, Violations v, int fallback) {
        if (node == null) {
            return fallback;
        }
        if (!node.isIntegralNumber() || node.asLong() < 0 || node.asLong() > 100) {
            v.add(field, "must be a whole number from 0 to 100");
            return fallback;
        }
        return node.asInt();
    }

    private static Set<String> texts(JsonNode node, String field, Pattern format, String what, Violations v,
            List<String> fallback) {
        if (node == null) {
            return new LinkedHashSet<>(fallback);
        }
        if (!node.isArray() || node.size() > 1000) {
            v.add(field, "must be a list of up to 1000 entries, each " + what);
            return new LinkedHashSet<>(fallback);
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String text = item.isTextual() ? item.asText() : null;
            if (format == DOMAIN && text != null) {
                text = text.toLowerCase(Locale.ROOT);
            }
            if (text == null || !format.matcher(text).matches()) {
                v.add(field + "[" + i + "]", "must be " + what);
            } else {
                out.add(text);
            }
        }
        return out;
    }

    private static Map<String, Object> part(JsonNode body, String name, Violations v) {
        JsonNode node = body.get(name);
        if (node == null) {
            return Map.of();
        }
        if (!node.isObject()) {
            v.add(name, "must be an object: the settings of the " + name + " in use");
            return Map.of();
        }
        return MAPPER.convertValue(node, MAP);
    }

    /** @return the settings as GET answers and the store keeps them, defaults filled in */
    ObjectNode render() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.putObject("weights").put("fit", fitWeight).put("engagement", engagementWeight);
        out.put("mqlScore", mqlScore).put("mql", mql);
        freeMailDomains.forEach(out.putArray("freeMailDomains")::add);
        openLeadStages.forEach(out.putArray("openLeadStages")::add);
        closedDealStages.forEach(out.putArray("closedDealStages")::add);
        out.set("filters", MAPPER.valueToTree(new LinkedHashMap<>(filters)));
        out.set("scoring", MAPPER.valueToTree(new LinkedHashMap<>(scoring)));
        out.set("routing", MAPPER.valueToTree(new LinkedHashMap<>(routing)));
        out.set("plugins", MAPPER.valueToTree(new LinkedHashMap<>(plugins)));
        return out;
    }

    /** @return what PUT takes: the engine's members; the parts are the strategies', documented in the guide */
    static ObjectNode schema() {
        ObjectNode percent = JsonSchemas.integer(0, 100);
        return JsonSchemas.object("A tenant's lead intake settings; members left out take their defaults. filters,"
                + " scoring and routing are the settings of the strategies in use (docs/plugins/leads.md)")
                .member("weights", JsonSchemas.object("The weights of the score's parts; they add up to 100")
                        .member("fit", percent.deepCopy()).member("engagement", percent.deepCopy()).build())
                .member("mqlScore", percent.deepCopy().put("description", "The score from which a lead that passed"
                        + " the filters is moved to MQL (the stage engine checks the tenant's criteria); default 60"))
                .member("mql", JsonSchemas.type("boolean").put("description", "whether intake makes leads MQL;"
                        + " default true"))
                .member("freeMailDomains", JsonSchemas.array(JsonSchemas.type("string").put("pattern", "^"
                        + DOMAIN.pattern() + "$"), 0, 1000))
                .member("openLeadStages", JsonSchemas.array(JsonSchemas.type("string").put("pattern", "^"
                        + STAGE.pattern() + "$"), 0, 1000))
                .member("closedDealStages", JsonSchemas.array(JsonSchemas.type("string").put("pattern", "^"
                        + STAGE.pattern() + "$"), 0, 1000))
                .member("filters", filtersSchema())
                .member("scoring", scoringSchema())
                .member("routing", routingSchema())
                .member("plugins", pluginsSchema())
                .build();
    }

    private static final String NAME = "^[a-z0-9][a-z0-9-]{0,49}$";
    private static final String COUNTRY = "^[A-Z]{2}$";
    private static final String TYPE = "^[A-Z][A-Z0-9_]{0,49}$";

    private static ObjectNode name() {
        return JsonSchemas.type("string").put("pattern", NAME);
    }

    private static ObjectNode country() {
        return JsonSchemas.type("string").put("pattern", COUNTRY);
    }

    private static ObjectNode keyed(String pattern, ObjectNode value) {
        ObjectNode out = JsonSchemas.type("object");
        out.putObject("propertyNames").put("pattern", pattern);
        out.set("additionalProperties", value);
        return out;
    }

    private static ObjectNode points(double min) {
        return JsonSchemas.type("number").put("minimum", min).put("maximum", 100);
    }

    /** Plugin id → that plugin's own parts, each an object its strategy checks. */
    static ObjectNode pluginsSchema() {
        ObjectNode own = JsonSchemas.object("A plugin's own parts, read by its strategies instead of the shared ones")
                .member("filters", JsonSchemas.type("object")).member("scoring", JsonSchemas.type("object"))
                .member("routing", JsonSchemas.type("object")).build();
        return keyed("^" + PLUGIN.pattern() + "$", own).put("description", "plugin id → its own settings parts"
                + " (docs/plugins/leads.md); up to 100").put("maxProperties", 100);
    }

    /** The filters part as the shipped rules (org.revos.leads.rules) read it; another filter plugin reads its own. */
    static ObjectNode filtersSchema() {
        return JsonSchemas.object("The filters of org.revos.leads.rules")
                .member("allowedCountries", JsonSchemas.array(country(), 0, 300))
                .member("partners", keyed(COUNTRY, name()).put("description", "country → the partner fallback"))
                .member("countryFallback", name()).member("minEmployees", JsonSchemas.integer(0, 10_000_000))
                .member("sizeFallback", name()).member("freeMail", JsonSchemas.type("boolean"))
                .member("freeMailFallback", name()).member("customerFallback", name())
                .member("duplicates", JsonSchemas.type("boolean")).member("duplicateFallback", name()).build();
    }

    /** The scoring part as the shipped rules read it. */
    static ObjectNode scoringSchema() {
        ObjectNode band = JsonSchemas.object(null).required("min", JsonSchemas.integer(0, 10_000_000))
                .required("points", points(0)).build();
        ObjectNode weight = JsonSchemas.object(null).required("points", points(-100))
                .member("max", points(0)).build();
        ObjectNode countries = keyed("^([A-Z]{2}|\\*)$", points(0));
        ObjectNode titles = JsonSchemas.type("object");
        titles.set("additionalProperties", points(0));
        return JsonSchemas.object("The scoring of org.revos.leads.rules")
                .member("countries", countries.put("description", "country (or * for any other) → points"))
                .member("sizeBands", JsonSchemas.array(band, 0, 100))
                .member("titles", titles.put("description", "title keyword → points"))
                .member("signals", keyed(TYPE, weight.deepCopy())).member("activities", keyed(TYPE, weight))
                .member("halfLifeDays", JsonSchemas.integer(0, 3650)).build();
    }

    /** The routing part as the shipped rules read it. */
    static ObjectNode routingSchema() {
        ObjectNode segment = JsonSchemas.object(null).required("name", JsonSchemas.text(100))
                .required("minEmployees", JsonSchemas.integer(0, 10_000_000)).build();
        return JsonSchemas.object("The routing of org.revos.leads.rules")
                .member("roles", JsonSchemas.array(JsonSchemas.oneOf(java.util.Arrays.stream(
                        org.revos.api.model.UserRole.values()).map(Enum::name).toList()), 1, 8))
                .member("segments", JsonSchemas.array(segment, 1, 100))
                .member("territories", keyed("^.{1,100}$", JsonSchemas.array(country(), 1, 300)))
                .member("queue", name()).build();
    }
}
