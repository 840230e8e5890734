package org.revos.integration.internal.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.revos.api.model.DealType;

/**
 * The standard values of a source CRM and what they mean: HubSpot's default sales pipeline (labels and internal ids),
 * deal types and lifecycle stages; Salesforce's standard opportunity StageName and Type values and lead statuses. A
 * format without a vocabulary (the native one, a plugin's own) has none: its values are RevOS's already.
 *
 * @param name       the CRM's name, for reports ({@code HubSpot}); empty for none
 * @param stages     deal stage value → meaning, in the CRM's order; values match case-insensitively
 * @param lifecycle  lifecycle stage or lead status value → meaning
 * @param dealTypes  deal type value → RevOS deal type
 */
public record CrmVocabulary(String name, Map<String, StageMeaning> stages, Map<String, StageMeaning> lifecycle,
        Map<String, DealType> dealTypes) {

    private static final CrmVocabulary NONE = new CrmVocabulary("", Map.of(), Map.of(), Map.of());

    public CrmVocabulary {
        stages = Collections.unmodifiableMap(new LinkedHashMap<>(stages));
        lifecycle = Collections.unmodifiableMap(new LinkedHashMap<>(lifecycle));
        dealTypes = Collections.unmodifiableMap(new LinkedHashMap<>(dealTypes));
    }

    /** @return the vocabulary of an import format; {@link #isNone() none} for a format that is not a CRM's */
    public static CrmVocabulary of(String format) {
        return switch (format) {
        case "hubspot" -> hubSpot();
        case "salesforce" -> salesforce();
        default -> NONE;
        };
    }

    /** @return whether this format has no vocabulary: its values are taken as RevOS's own */
    public boolean isNone() {
        return name.isEmpty();
    }

    public Optional<StageMeaning> stage(String value) {
        return find(stages, value);
    }

    public Optional<StageMeaning> lifecycleStage(String value) {
        return find(lifecycle, value);
    }

    public Optional<DealType> dealType(String value) {
        return find(dealTypes, value);
    }

    private static <T> Optional<T> find(Map<String, T> map, String value) {
        String wanted = ValueMappings.key(value);
        return map.entrySet().stream().filter(e -> ValueMappings.key(e.getKey()).equals(wanted))
                .map(Map.Entry::getValue).findFirst();
    }

    /** HubSpot's default sales pipeline with its default probabilities, by label and by internal id. */
    static CrmVocabulary hubSpot() {
        Map<String, StageMeaning> stages = new LinkedHashMap<>();
        both(stages, "Appointment Scheduled", "appointmentscheduled", StageMeaning.open(0.2));
        both(stages, "Qualified To Buy", "qualifiedtobuy", StageMeaning.open(0.4));
        both(stages, "Presentation Scheduled", "presentationscheduled", StageMeaning.open(0.6));
        both(stages, "Decision Maker Bought-In", "decisionmakerboughtin", StageMeaning.open(0.8));
        both(stages, "Contract Sent", "contractsent", StageMeaning.open(0.9));
        both(stages, "Closed Won", "closedwon", StageMeaning.won());
        both(stages, "Closed Lost", "closedlost", StageMeaning.lost());
        Map<String, StageMeaning> lifecycle = new LinkedHashMap<>();
        both(lifecycle, "Subscriber", "subscriber", StageMeaning.open(0.01));
        both(lifecycle, "Lead", "lead", StageMeaning.open(0.01));
        both(lifecycle, "Marketing Qualified Lead", "marketingqualifiedlead", StageMeaning.open(0.05));
        both(lifecycle, "Sales Qualified Lead", "salesqualifiedlead", StageMeaning.open(0.2));
        both(lifecycle, "Opportunity", "opportunity", StageMeaning.open(0.3));
        both(lifecycle, "Customer", "customer", StageMeaning.won());
        both(lifecycle, "Evangelist", "evangelist", StageMeaning.won());
        Map<String, DealType> types = new LinkedHashMap<>();
        types.put("New Business", DealType.NEW_BUSINESS);
        types.put("newbusiness", DealType.NEW_BUSINESS);
        types.put("Existing Business", DealType.EXPANSION);
        types.put("existingbusiness", DealType.EXPANSION);
        return new CrmVocabulary("HubSpot", stages, lifecycle, types);
    }

    /** Salesforce's standard opportunity stages with their default probabilities, Type values and lead statuses. */
    static CrmVocabulary salesforce() {
        Map<String, StageMeaning> stages = new LinkedHashMap<>();
        put(stages, "Prospecting", StageMeaning.open(0.1));
        put(stages, "Qualification", StageMeaning.open(0.1));
        put(stages, "Needs Analysis", StageMeaning.open(0.2));
        put(stages, "Value Proposition", StageMeaning.open(0.5));
        put(stages, "Id. Decision Makers", StageMeaning.open(0.6));
        put(stages, "Perception Analysis", StageMeaning.open(0.7));
        put(stages, "Proposal/Price Quote", StageMeaning.open(0.75));
        put(stages, "Negotiation/Review", StageMeaning.open(0.9));
        put(stages, "Closed Won", StageMeaning.won());
        put(stages, "Closed Lost", StageMeaning.lost());
        Map<String, StageMeaning> lifecycle = new LinkedHashMap<>();
        put(lifecycle, "Open - Not Contacted", StageMeaning.open(0.01));
        put(lifecycle, "Working - Contacted", StageMeaning.open(0.1));
        put(lifecycle, "Closed - Converted", StageMeaning.won());
        put(lifecycle, "Closed - Not Converted", StageMeaning.lost());
        Map<String, DealType> types = new LinkedHashMap<>();
        types.put("New Customer", DealType.NEW_BUSINESS);
        types.put("Existing Customer - Upgrade", DealType.EXPANSION);
        types.put("Existing Customer - Replacement", DealType.RENEWAL);
        types.put("Existing Customer - Downgrade", DealType.CONTRACTION);
        return new CrmVocabulary("Salesforce", stages, lifecycle, types);
    }

    private static void both(Map<String, StageMeaning> map, String label, String internalId, StageMeaning meaning) {
        put(map, label, meaning);
        put(map, internalId, meaning);
    }

    private static void put(Map<String, StageMeaning> map, String value, StageMeaning meaning) {
        map.put(value, meaning);
    }
}
