package org.revos.kpi.internal.reference;

import java.util.LinkedHashMap;
import java.util.Map;

import org.revos.api.model.Account;
import org.revos.api.model.ObjectType;
import org.revos.api.model.RevenueEvent;

/**
 * The recurring-revenue bridge of DOMAIN §3 and API.md: starting ARR (every kept account's ARR from the events
 * before the period, counted up to the answer's instant), then NEW, EXPANSION, CONTRACTION and CHURN in the period
 * (a RENEWAL is expansion when positive, contraction when negative; contraction and churn as positive magnitudes),
 * ending ARR; NRR and GRR over the accounts that had ARR at the period's start, whose NEW events do not count.
 */
public final class RevenueReference {

    private final TenantRows rows;

    public RevenueReference(TenantRows rows) {
        this.rows = rows;
    }

    /** @return ending ARR, with the whole bridge, NRR and GRR as parts */
    public Figure bridge(Window w, Map<String, String> filter) {
        Slice slice = new Slice(filter, rows, w).require(ObjectType.ACCOUNT);
        long starting = 0;
        long newArr = 0;
        long expansion = 0;
        long contraction = 0;
        long churn = 0;
        long retainedStarting = 0;
        long retainedMoves = 0;
        long retainedLosses = 0;
        for (Account a : rows.accounts()) {
            if (!slice.keeps(a)) {
                continue;
            }
            long arr = 0;
            for (RevenueEvent e : rows.revenue()) {
                if (e.accountId().equals(a.id()) && e.occurredAt().isBefore(w.from())
                        && !e.occurredAt().isAfter(w.asOf())) {
                    arr += e.arrDeltaCents();
                }
            }
            starting += arr;
            boolean retained = arr > 0;
            if (retained) {
                retainedStarting += arr;
            }
            for (RevenueEvent e : rows.revenue()) {
                if (!e.accountId().equals(a.id()) || !w.counts(e.occurredAt())) {
                    continue;
                }
                long d = e.arrDeltaCents();
                switch (e.kind()) {
                    case NEW -> newArr += d;
                    case EXPANSION -> expansion += d;
                    case CONTRACTION -> contraction -= d;
                    case CHURN -> churn -= d;
                    case RENEWAL -> {
                        if (d >= 0) {
                            expansion += d;
                        } else {
                            contraction -= d;
                        }
                    }
                }
                if (retained && e.kind() != org.revos.api.model.RevenueKind.NEW) {
                    retainedMoves += d;
                    if (d < 0) {
                        retainedLosses += d;
                    }
                }
            }
        }
        long ending = starting + newArr + expansion - contraction - churn;
        Map<String, java.math.BigDecimal> parts = new LinkedHashMap<>();
        parts.put("starting", Numbers.money(starting));
        parts.put("new", Numbers.money(newArr));
        parts.put("expansion", Numbers.money(expansion));
        parts.put("contraction", Numbers.money(contraction));
        parts.put("churn", Numbers.money(churn));
        parts.put("ending", Numbers.money(ending));
        parts.put("nrr", Numbers.ratio(retainedStarting + retainedMoves, retainedStarting));
        parts.put("grr", Numbers.ratio(retainedStarting + retainedLosses, retainedStarting));
        return new Figure(Numbers.money(ending), parts);
    }

    public Figure nrr(Window w, Map<String, String> filter) {
        return Figure.of(bridge(w, filter).parts().get("nrr"));
    }

    public Figure grr(Window w, Map<String, String> filter) {
        return Figure.of(bridge(w, filter).parts().get("grr"));
    }
}
