package org.revos.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.revos.api.spi.AccountCredit;
import org.revos.api.spi.CreditInput;
import org.revos.api.spi.CreditRule;

/**
 * Builds the {@link CreditInput} the credit engine hands a {@link CreditRule}: one account, its revenue history in
 * the order it happened, and the tenant's effective-dated versions of the rule.
 *
 * <pre>{@code
 * AccountCredit credit = CreditInputs.account("acc_1").segment("SMB").owner("u1")
 *         .version("2026-01-01", Map.of("threshold", 1000))
 *         .sale("2026-01-10", 600_00, "u1")
 *         .selfServe("2026-02-01", 500_00)
 *         .credit(new MyRule());
 * }</pre>
 */
public final class CreditInputs {

    private final String accountId;
    private String segment;
    private String owner;
    private final List<CreditInput.Event> history = new ArrayList<>();
    private final List<CreditInput.Version> versions = new ArrayList<>();

    private CreditInputs(String accountId) {
        this.accountId = accountId;
    }

    public static CreditInputs account(String id) {
        return new CreditInputs(id);
    }

    public CreditInputs segment(String segment) {
        this.segment = segment;
        return this;
    }

    /** The owner the account had before any credit handover. */
    public CreditInputs owner(String ownerId) {
        this.owner = ownerId;
        return this;
    }

    /** Adds a version of the rule's settings, effective from midnight UTC of {@code effectiveFrom}. */
    public CreditInputs version(String effectiveFrom, Map<String, Object> settings) {
        versions.add(new CreditInput.Version("v" + (versions.size() + 1), Instants.at(effectiveFrom), settings));
        return this;
    }

    /** Adds revenue a deal owned by {@code repId} brought. */
    public CreditInputs sale(String occurredAt, long arrDeltaCents, String repId) {
        return sale(occurredAt, arrDeltaCents, 0, repId);
    }

    public CreditInputs sale(String occurredAt, long arrDeltaCents, int seatsDelta, String repId) {
        String id = "re_" + (history.size() + 1);
        return event(new CreditInput.Event(id, Instants.at(occurredAt), arrDeltaCents, seatsDelta, "deal_" + id,
                repId));
    }

    /** Adds self-serve revenue: it counts toward the account's total and is credited to nobody. */
    public CreditInputs selfServe(String occurredAt, long arrDeltaCents) {
        return event(new CreditInput.Event("re_" + (history.size() + 1), Instants.at(occurredAt), arrDeltaCents, 0,
                null, null));
    }

    /** Adds an event as given; the history is handed over in the order events were added. */
    public CreditInputs event(CreditInput.Event event) {
        history.add(event);
        return this;
    }

    /** @return the input; without any {@link #version}, one version with no settings effective from 1970 */
    public CreditInput build() {
        List<CreditInput.Version> effective = versions.isEmpty()
                ? List.of(new CreditInput.Version("v1", Instants.at("1970-01-01"), Map.of()))
                : versions;
        return new CreditInput(new CreditInput.Account(accountId, segment, owner), history, effective);
    }

    public AccountCredit credit(CreditRule rule) {
        return rule.credit(build());
    }
}
