package org.revos.api.spi;

import java.time.Instant;

/**
 * One line of the credit ledger.
 *
 * @param revenueEventId the event that produced the line (for a clawback, the contraction that took it back)
 * @param ownerId        the rep credited
 * @param amountCents    ARR in minor units; negative for a clawback
 * @param occurredAt     when the revenue event occurred
 * @param creditedAt     when the line became credit: the event's instant for green lines, the spill instant for
 *                       lines that spilled; {@code null} for orange lines
 */
public record CreditLine(String accountId, String revenueEventId, String dealId, String ownerId, long amountCents,
        CreditBucket bucket, Instant occurredAt, Instant creditedAt) {
}
