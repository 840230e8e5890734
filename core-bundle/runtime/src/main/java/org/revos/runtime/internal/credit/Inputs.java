package org.revos.runtime.internal.credit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.revos.api.spi.CreditInput;
import org.revos.runtime.internal.persistence.AccountEntity;
import org.revos.runtime.internal.persistence.CreditAccountEntity;

import jakarta.persistence.EntityManager;

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
        Map<String, CreditInput.Account> accounts = new HashMap<>();
        em.createQuery("SELECT a FROM AccountEntity a WHERE a.id IN :ids", AccountEntity.class)
                .setParameter("ids", accountIds).getResultList()
                .forEach(a -> accounts.put(a.id, new CreditInput.Account(a.id, a.segment, a.ownerId)));
        em.createQuery("SELECT s FROM CreditAccountEntity s WHERE s.id IN :ids AND s.handedOverFrom IS NOT NULL",
                CreditAccountEntity.class).setParameter("ids", accountIds).getResultList()
                .forEach(s -> accounts.computeIfPresent(s.id,
                        (id, a) -> new CreditInput.Account(id, a.segment(), s.handedOverFrom)));
        Map<String, List<CreditInput.Event>> history = new HashMap<>();
        em.createQuery(EVENTS + " WHERE e.accountId IN :ids ORDER BY e.accountId, e.occurredAt, e.id",
                Object[].class).setParameter("ids", accountIds).getResultList()
                .forEach(r -> history.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                        .add(new CreditInput.Event((String) r[1], Instant.ofEpochMilli((Long) r[2]), (Long) r[3],
                                (Integer) r[4], (String) r[5], (String) r[6])));
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
