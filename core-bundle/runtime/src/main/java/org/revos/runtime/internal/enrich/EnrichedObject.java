package org.revos.runtime.internal.enrich;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.revos.api.model.ObjectType;
import org.revos.api.spi.EnrichmentRequest;
import org.revos.api.spi.Firmographics;
import org.revos.kernel.spi.TenantRow;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.runtime.internal.objects.LeadRules;
import org.revos.runtime.internal.persistence.AccountEntity;
import org.revos.runtime.internal.persistence.LeadEntity;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An account or lead seen as enrichment sees it: the company it names, the firmographic fields it lacks, and how an
 * answer is written into those fields, never into one that has a value.
 */
final class EnrichedObject {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final TenantRow entity;

    EnrichedObject(TenantRow entity) {
        this.entity = entity;
    }

    /** @return the request to ask providers, {@code null} when the object names no domain or lacks nothing */
    EnrichmentRequest request() {
        Map<String, Object> fields = values();
        Set<String> missing = new TreeSet<>();
        fields.forEach((name, value) -> {
            if (value == null) {
                missing.add(name);
            }
        });
        String domain = entity instanceof AccountEntity a ? a.domain
                : LeadRules.emailDomain(((LeadEntity) entity).email);
        if (domain == null || missing.isEmpty()) {
            return null;
        }
        String company = entity instanceof AccountEntity a ? a.name : ((LeadEntity) entity).company;
        return new EnrichmentRequest(type(), entity.id, domain, company, missing);
    }

    ObjectType type() {
        return entity instanceof AccountEntity ? ObjectType.ACCOUNT : ObjectType.LEAD;
    }

    /**
     * Writes the usable values of {@code answer} into the fields that are still empty.
     *
     * @return the names of the fields written
     */
    Set<String> fill(Firmographics answer, String provider, long at) {
        Map<String, Object> offered = new LinkedHashMap<>();
        offered.put("company", text(answer.company(), 200));
        offered.put("country", country(answer.country()));
        offered.put("employees", answer.employees() == null || answer.employees() < 0
                || answer.employees() > 10_000_000 ? null : answer.employees());
        offered.put("industry", text(answer.industry(), 100));
        Map<String, Object> current = values();
        ObjectNode record = provenance();
        Set<String> written = new TreeSet<>();
        for (Map.Entry<String, Object> field : current.entrySet()) {
            Object value = offered.get(field.getKey());
            if (field.getValue() == null && value != null) {
                set(field.getKey(), value);
                ObjectNode entry = record.putObject(field.getKey());
                entry.put("provider", provider);
                entry.put("at", FieldTypes.instantText(at));
                entry.putPOJO("value", value);
                written.add(field.getKey());
            }
        }
        if (!written.isEmpty()) {
            String json = FieldTypes.writeJson(record);
            if (entity instanceof AccountEntity a) {
                a.enriched = json;
            } else {
                ((LeadEntity) entity).enriched = json;
            }
            entity.updatedAt = at;
        }
        return written;
    }

    /** @return the enrichable fields and their values: country, employees and industry; company for a lead */
    private Map<String, Object> values() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (entity instanceof AccountEntity a) {
            out.put("country", a.country);
            out.put("employees", a.employees);
            out.put("industry", a.industry);
        } else {
            LeadEntity l = (LeadEntity) entity;
            out.put("company", l.company);
            out.put("country", l.country);
            out.put("employees", l.employees);
        }
        return out;
    }

    private void set(String field, Object value) {
        if (entity instanceof AccountEntity a) {
            switch (field) {
                case "country" -> a.country = (String) value;
                case "employees" -> a.employees = (Integer) value;
                default -> a.industry = (String) value;
            }
        } else {
            LeadEntity l = (LeadEntity) entity;
            switch (field) {
                case "company" -> l.company = (String) value;
                case "country" -> l.country = (String) value;
                default -> l.employees = (Integer) value;
            }
        }
    }

    private ObjectNode provenance() {
        String json = entity instanceof AccountEntity a ? a.enriched : ((LeadEntity) entity).enriched;
        return json == null ? JsonNodeFactory.instance.objectNode() : (ObjectNode) FieldTypes.readTree(json);
    }

    private static String text(String value, int max) {
        return value == null || value.isBlank() || value.strip().length() > max ? null : value.strip();
    }

    private static String country(String value) {
        String code = value == null ? null : value.strip().toUpperCase(Locale.ROOT);
        return code != null && COUNTRIES.contains(code) ? code : null;
    }
}
