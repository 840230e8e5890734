package org.revos.api.leads;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hard rules a sign-up must pass to reach a rep. The engine asks every filter of the plugins a tenant has enabled,
 * highest service ranking first, and stops at the first that diverts the sign-up: it then goes to the named fallback
 * (self-serve, a partner) with the rule and reason recorded, and is neither routed nor made MQL.
 */
@ConsumerType
public interface LeadFilter {

    /** @return {@link FilterVerdict#pass()} or {@link FilterVerdict#divert} naming the fallback and the rule */
    FilterVerdict check(SignUp signUp, FilterContext context);

    /**
     * Checks the filter's part of a tenant's intake settings ({@code filters}) before they are stored.
     *
     * @return per field (a JSON path inside the part, such as {@code allowedCountries[2]}), what is wrong with it,
     *         in words that follow the field's name; empty when the settings are valid
     */
    default Map<String, String> validate(Map<String, Object> settings) {
        return Map.of();
    }
}
