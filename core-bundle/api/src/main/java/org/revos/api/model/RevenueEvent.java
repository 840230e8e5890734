package org.revos.api.model;

import java.time.Instant;

/**
 * One movement of an account's recurring revenue. Events are append-only: corrections are new events.
 *
 * @param arrDeltaCents signed ARR change in minor units
 * @param dealId        the deal that closed this revenue; {@code null} for self-serve revenue
 */
public record RevenueEvent(String id, String externalId, String accountId, Instant occurredAt, RevenueKind kind,
        long arrDeltaCents, int seatsDelta, String dealId, Instant createdAt) {

    /** @return whether this revenue was closed by sales (it names a deal) rather than self-serve */
    public boolean isSalesClosed() {
        return dealId != null;
    }
}
