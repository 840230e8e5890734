package org.revos.api.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * An opportunity.
 *
 * @param arrCents annual recurring revenue of the deal in minor units of the tenant's currency
 */
public record Deal(String id, String externalId, String accountId, String ownerId, String name, DealType type,
        long arrCents, Integer seats, String pipeline, String stage, LocalDate closeDate, String lossReason,
        Map<String, Object> properties, Instant createdAt, Instant updatedAt) {
    public Deal {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
