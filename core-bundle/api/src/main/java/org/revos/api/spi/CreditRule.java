package org.revos.api.spi;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Turns one account's revenue history into credit ledger lines. A rule is a pure function of its input (the
 * account's events, the rule versions in effect, the account's segment), so the runtime can recompute the ledger
 * after a rule change, compare it with the previous one, and update a single account incrementally when one of its
 * revenue events is recorded.
 */
@ConsumerType
public interface CreditRule {

    /** @return the rule's id, as rule versions name it */
    String id();

    /**
     * Checks the settings of a rule version before the runtime stores it.
     *
     * @param settings the version as the tenant posted it, without {@code effectiveFrom}
     * @return every problem, by the name of the offending setting; empty when the settings are valid
     */
    Map<String, String> validate(Map<String, Object> settings);

    /**
     * @return the account's credit: bucket, metric total, and every ledger line, in the order the rule made them
     */
    AccountCredit credit(CreditInput input);
}
