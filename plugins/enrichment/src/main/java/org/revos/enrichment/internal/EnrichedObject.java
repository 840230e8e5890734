package org.revos.enrichment.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.revos.api.model.ObjectType;
import org.revos.api.spi.EnrichmentRequest;
import org.revos.api.spi.Firmographics;
import org.revos.kernel.spi.objects.ObjectCollections.Found;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * An account or lead, as the API shows it, seen as enrichment sees it: the company it names, the firmographic fields
 * it lacks, and which values of providers' answers may go into them (the kernel writes them only into fields that
 * are still empty, and records where each came from).
 */
final class EnrichedObject {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** The fields enrichment fills, by object type. */
    private static final Map<ObjectType, List<String>> FIELDS = Map.of(
            ObjectType.ACCOUNT, List.of("country", "employees", "industry"),
            ObjectType.LEAD, List.of("company", "country", "employees"));

    private final ObjectType type;
    private final JsonNode object;

    /** @param object the account or lead as the API shows it */
    EnrichedObject(ObjectType type, JsonNode object) {
        if (!FIELDS.containsKey(type)) {
            throw new IllegalArgumentException("no enrichment of " + type);
        }
        this.type = type;
        this.object = object;
    }

    /** @return whether objects of the type are enriched (accounts and leads) */
    static boolean enriches(ObjectType type) {
        return FIELDS.containsKey(type);
    }

    /** @return the request to ask providers, {@code null} when the object names no domain or lacks nothing */
    EnrichmentRequest request() {
        Set<String> missing = missing();
        String domain = domain();
        if (domain == null || missing.isEmpty()) {
            return null;
        }
        String company = text(type == ObjectType.ACCOUNT ? "name" : "company");
        return new EnrichmentRequest(type, object.path("id").asText(), domain, company, missing);
    }

    /** @return the company domain the object names: an account's domain, the part of a lead's email after {@code @} */
    String domain() {
        if (type == ObjectType.ACCOUNT) {
            String domain = text("domain");
            return domain == null || domain.isBlank() ? null : domain;
        }
        String email = text("email");
        int at = email == null ? -1 : email.lastIndexOf('@');
        return at < 0 || at == email.length() - 1 ? null : email.substring(at + 1);
    }

    /** @return the enrichable fields that are empty */
    Set<String> missing() {
        Set<String> missing = new TreeSet<>();
        for (String field : FIELDS.get(type)) {
            if (object.path(field).isMissingNode() || object.path(field).isNull()) {
                missing.add(field);
            }
        }
        return missing;
    }

    /**
     * @param answers providers' answers by plugin id, highest ranking first
     * @return the usable values of the answers for the empty fields, the first answer's first
     */
    List<Found> found(Map<String, Firmographics> answers) {
        Set<String> missing = missing();
        Map<String, Found> found = new LinkedHashMap<>();
        answers.forEach((provider, answer) -> offered(answer).forEach((field, value) -> {
            if (missing.contains(field) && value != null) {
                found.putIfAbsent(field, new Found(field, value, provider));
            }
        }));
        return new ArrayList<>(found.values());
    }

    /** @return what an answer offers for each field, {@code null} where the value is unusable */
    private static Map<String, JsonNode> offered(Firmographics answer) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        Map<String, JsonNode> offered = new LinkedHashMap<>();
        String company = usable(answer.company(), 200);
        String industry = usable(answer.industry(), 100);
        String country = country(answer.country());
        Integer employees = answer.employees() == null || answer.employees() < 0
                || answer.employees() > 10_000_000 ? null : answer.employees();
        offered.put("company", company == null ? null : json.textNode(company));
        offered.put("country", country == null ? null : json.textNode(country));
        offered.put("employees", employees == null ? null : json.numberNode(employees));
        offered.put("industry", industry == null ? null : json.textNode(industry));
        return offered;
    }

    private String text(String field) {
        JsonNode value = object.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static String usable(String value, int max) {
        return value == null || value.isBlank() || value.strip().length() > max ? null : value.strip();
    }

    private static String country(String value) {
        String code = value == null ? null : value.strip().toUpperCase(Locale.ROOT);
        return code != null && COUNTRIES.contains(code) ? code : null;
    }
}
