package org.revos.api.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link CreditRule} credits: one account, its whole revenue history and the tenant's rule versions.
 *
 * @param history  every revenue event of the account, ordered by occurrence then id
 * @param versions the tenant's versions of this rule, ordered by {@code effectiveFrom}; never empty
 */
public record CreditInput(Account account, List<Event> history, List<Version> versions) {

    public CreditInput {
        Objects.requireNonNull(account, "account");
        history = List.copyOf(history);
        versions = List.copyOf(versions);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a credit input needs at least one rule version");
        }
    }

    /**
     * The account being credited.
     *
     * @param ownerId the owner the account had before any credit handover (the one {@code ACCOUNT_OWNER} credits)
     */
    public record Account(String id, String segment, String ownerId) {
    }

    /**
     * One revenue event of the account.
     *
     * @param dealId {@code null} for self-serve revenue, which counts toward the account's total but is credited
     *               to nobody
     * @param repId  the owner of the deal at the event's {@code occurredAt} (for revenue dated before the deal was
     *               created, its owner at creation); {@code null} for self-serve revenue
     */
    public record Event(String revenueEventId, Instant occurredAt, long arrDeltaCents, int seatsDelta,
            String dealId, String repId) {

        public boolean isSalesClosed() {
            return dealId != null;
        }
    }

    /**
     * One effective-dated version of the rule's settings.
     *
     * @param effectiveFrom the first instant the version governs (the start of its date in the tenant's time zone)
     * @param settings      the version's settings, as {@link CreditRule#validate(Map)} accepted them
     */
    public record Version(String id, Instant effectiveFrom, Map<String, Object> settings) {
        public Version {
            Objects.requireNonNull(effectiveFrom, "effectiveFrom");
            settings = Map.copyOf(settings);
        }
    }
}
