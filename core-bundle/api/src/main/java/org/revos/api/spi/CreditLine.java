package org.revos.api.spi;

import java.time.Instant;

/**
 * One line of the credit ledger.
 *
 * @param bucket      {@code ORANGE} (pending) or {@code GREEN} (credit)
 * @param creditedAt  the instant the line became credit: the event's instant, or the spill instant
 */
public record CreditLine(String accountId, String revenueEventId, String dealId, String ownerId, long amountCents,
        String bucket, Instant occurredAt, Instant creditedAt) {
}
