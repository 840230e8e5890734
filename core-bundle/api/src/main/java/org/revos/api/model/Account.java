package org.revos.api.model;

import java.time.Instant;
import java.util.Map;

/**
 * A company the tenant sells to.
 *
 * @param country    ISO-3166 alpha-2 code
 * @param properties custom property values by key
 */
public record Account(String id, String externalId, String name, String domain, String country, Integer employees,
        String industry, String segment, String ownerId, Map<String, Object> properties, Instant createdAt,
        Instant updatedAt) {
    public Account {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
