package org.revos.credit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.revos.api.spi.CreditInput;

/** Reads what a credit rule needs about accounts: the account, its owner before handover, its revenue history. */
final class Inputs {

    private static final String EVENTS = "SELECT e.accountId, e.id, e.occurredAt, e.arrDeltaCents, e.seatsDelta,"
            + " e.dealId, e.dealOwnerId FROM RevenueEventEntity e";

    private Inputs() {
    }

    /** @return the input of one account, empty when the account does not exist */
    static Optional<CreditInput> of(EntityManager em, String accountId, List<CreditInput.Version> versions) {
        List<CreditInput> inputs = of(em, List.of(accountId), versions);
        return inputs.isEmpty() ? Optional.empty() : Optional.of(inputs.get(0));
    }

    /** @return the inputs of the accounts that exist among {@code accountIds}, in the order given */
    static List<CreditInput> of(EntityManager em, Collection<String> accountIds, List<CreditInput.Version> versions) {
        return inputs(em, accountIds, " IN :ids", q -> q.setParameter("ids", accountIds), versions);
    }

    /**
     * @return the revenue history of every account whose id lies in [first, last], by account. A range keeps the
     *         query text the same for every batch (Derby compiles it once) and walks the events' account index.
     */
    static Map<String, List<CreditInput.Event>> histories(EntityManager em, String first, String last) {
        return histories(em.createQuery(EVENTS + " WHERE e.accountId BETWEEN :first AND :last ORDER BY e.accountId,"
                + " e.occurredAt, e.id").setParameter("first", first).setParameter("last", last));
    }

    private static Map<String, List<CreditInput.Event>> histories(jakarta.persistence.Query query) {
        Map<String, List<CreditInput.Event>> history = new HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            history.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                    .add(new CreditInput.Event((String) r[1], Instant.ofEpochMilli((Long) r[2]), (Long) r[3],
                            (Integer) r[4], (String) r[5], (String) r[6]));
        }
        return history;
    }

    private static List<CreditInput> inputs(EntityManager em, Collection<String> accountIds, String idCondition,
            java.util.function.UnaryOperator<jakarta.persistence.Query> bind, List<CreditInput.Version> versions) {
        Map<String, CreditInput.Account> accounts = new HashMap<>();
        bind.apply(em.createQuery("SELECT a.id, a.segment, a.ownerId FROM AccountEntity a WHERE a.id" + idCondition))
                .getResultList().forEach(row -> {
                    Object[] a = (Object[]) row;
                    accounts.put((String) a[0], new CreditInput.Account((String) a[0], (String) a[1], (String) a[2]));
                });
        bind.apply(em.createQuery("SELECT s.id, s.handedOverFrom FROM CreditAccountEntity s WHERE s.id" + idCondition
                + " AND s.handedOverFrom IS NOT NULL")).getResultList().forEach(row -> {
                    Object[] s = (Object[]) row;
                    accounts.computeIfPresent((String) s[0],
                            (id, a) -> new CreditInput.Account(id, a.segment(), (String) s[1]));
                });
        Map<String, List<CreditInput.Event>> history = histories(bind.apply(em.createQuery(EVENTS
                + " WHERE e.accountId" + idCondition + " ORDER BY e.accountId, e.occurredAt, e.id")));
        List<CreditInput> out = new ArrayList<>();
        for (String id : accountIds) {
            CreditInput.Account account = accounts.get(id);
            if (account != null) {
                out.add(new CreditInput(account, history.getOrDefault(id, List.of()), versions));
            }
        }
        return out;
    }
}
