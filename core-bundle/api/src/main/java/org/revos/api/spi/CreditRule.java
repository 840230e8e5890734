package org.revos.api.spi;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;
import org.revos.api.model.RevenueEvent;
import org.revos.api.query.TenantData;

/**
 * Turns an account's revenue history into credit ledger lines. A rule is a pure function of its inputs, so the ledger
 * can be recomputed after a rule change and compared with the previous one.
 */
@ConsumerType
public interface CreditRule {

    /** @return the rule's id, as rule versions name it */
    String id();

    /**
     * @param accountId the account whose history is credited
     * @param history   every revenue event of the account, ordered by occurrence then id
     * @param version   the rule version in effect, as stored by the tenant (threshold, metric, spill options)
     * @param data      the tenant's data, for deals and owners
     */
    List<CreditLine> credit(String accountId, List<RevenueEvent> history, Map<String, Object> version,
            TenantData data);
}
