package org.revos.api.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The credit state of one account after its whole history.
 *
 * @param total         the account's metric total (ARR in minor units, or seats) after its last event, self-serve
 *                      revenue included
 * @param threshold     the threshold of the version in effect for the account's segment, in the metric's unit
 * @param greenAt       the instant the account turned green; {@code null} while it is orange
 * @param nearThreshold whether the orange account is within the configured share of its threshold
 * @param lines         the ledger lines of the account: orange lines still pending and every green line
 */
public record AccountCredit(String accountId, CreditBucket bucket, long total, long threshold, Instant greenAt,
        boolean nearThreshold, List<CreditLine> lines) {

    public AccountCredit {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(bucket, "bucket");
        lines = List.copyOf(lines);
    }
}
