package org.revos.api.model;

import java.time.Instant;
import java.util.Map;

/** A person at an account. */
public record Contact(String id, String externalId, String accountId, String name, String email, String title,
        Map<String, Object> properties, Instant createdAt, Instant updatedAt) {
    public Contact {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
