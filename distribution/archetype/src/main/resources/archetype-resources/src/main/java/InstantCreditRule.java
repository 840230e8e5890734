package ${package};

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.revos.api.spi.AccountCredit;
import org.revos.api.spi.CreditBucket;
import org.revos.api.spi.CreditInput;
import org.revos.api.spi.CreditLine;
import org.revos.api.spi.CreditRule;

/**
 * The {@code instant} credit rule: every sale of at least {@code minimumArr} (in the tenant's currency, per the rule
 * version in effect when the revenue occurred) is green credit for the deal's owner at once; smaller sales stay
 * orange; self-serve revenue counts toward the account's total and is credited to nobody. An account is green from
 * its first green line on.
 *
 * <p>A tenant chooses it with {@code POST /api/v1/credit/rules {"rule": "instant", "effectiveFrom": "2026-01-01",
 * "minimumArr": 1000}}. The engine calls {@link #credit} with one account's whole history, so the rule stays a pure
 * function that a recompute can replay.
 */
@Component(service = CreditRule.class)
public final class InstantCreditRule implements CreditRule {

    static final String ID = "instant";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, String> validate(Map<String, Object> settings) {
        Map<String, String> problems = new LinkedHashMap<>();
        Object minimum = settings.get("minimumArr");
        if (minimum != null && !(minimum instanceof Number n && n.doubleValue() >= 0
                && Double.isFinite(n.doubleValue()))) {
            problems.put("minimumArr", "must be an amount of 0 or more, not " + minimum);
        }
        for (String key : settings.keySet()) {
            if (!key.equals("minimumArr")) {
                problems.put(key, "is not a setting of the instant rule; it has only minimumArr");
            }
        }
        return problems;
    }

    @Override
    public AccountCredit credit(CreditInput input) {
        List<CreditLine> lines = new ArrayList<>();
        long total = 0;
        Instant greenAt = null;
        for (CreditInput.Event event : input.history()) {
            total += event.arrDeltaCents();
            if (!event.isSalesClosed()) {
                continue;
            }
            boolean green = event.arrDeltaCents() >= minimumCents(input.versions(), event.occurredAt());
            CreditBucket bucket = green ? CreditBucket.GREEN : CreditBucket.ORANGE;
            lines.add(new CreditLine(input.account().id(), event.revenueEventId(), event.dealId(), event.repId(),
                    event.arrDeltaCents(), bucket, event.occurredAt(), green ? event.occurredAt() : null));
            if (green && greenAt == null) {
                greenAt = event.occurredAt();
            }
        }
        return new AccountCredit(input.account().id(), greenAt == null ? CreditBucket.ORANGE : CreditBucket.GREEN,
                total, 0, greenAt, false, lines);
    }

    /** @return the minimum of the version in effect at {@code at} (the first version's before it), in cents */
    private static long minimumCents(List<CreditInput.Version> versions, Instant at) {
        CreditInput.Version effective = versions.get(0);
        for (CreditInput.Version v : versions) {
            if (!v.effectiveFrom().isAfter(at)) {
                effective = v;
            }
        }
        Object minimum = effective.settings().get("minimumArr");
        return minimum instanceof Number n ? Math.round(n.doubleValue() * 100) : 0;
    }
}
