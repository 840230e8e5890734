package org.revos.runtime.internal.credit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.revos.api.spi.AccountCredit;
import org.revos.api.spi.CreditBucket;
import org.revos.api.spi.CreditInput;
import org.revos.api.spi.CreditLine;
import org.revos.runtime.internal.jobs.JobContext;
import org.revos.runtime.internal.jobs.Jobs;
import org.revos.runtime.internal.persistence.CreditAccountEntity;
import org.revos.runtime.internal.persistence.Store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Replays every account's history under the tenant's rule versions, rewrites the accounts whose ledger changed and
 * reports the difference to the previous ledger, per rep and per account. It holds the tenant's ledger while it
 * runs, so incremental updates wait and reads answer from the previous ledger. Replaying does not hand accounts
 * over: a handover is a reaction to revenue as it happens, not to history.
 */
final class Recompute implements Jobs.Work {

    static final int BATCH = 500;
    /** accounts listed in the result; the count goes on beyond it */
    static final int MAX_ACCOUNTS_LISTED = 1000;

    private final CreditEngine engine;
    private final Store store;
    private final String tenantId;
    private final RuleSetup setup;

    Recompute(CreditEngine engine, Store store, String tenantId, RuleSetup setup) {
        this.engine = engine;
        this.store = store;
        this.tenantId = tenantId;
        this.setup = setup;
    }

    @Override
    public JsonNode run(JobContext context) throws Exception {
        return engine.recomputing(tenantId, () -> replay(context));
    }

    private JsonNode replay(JobContext context) throws Exception {
        List<String> accountIds = store.read(tenantId,
                em -> em.createQuery("SELECT a.id FROM AccountEntity a ORDER BY a.id", String.class).getResultList());
        context.total(accountIds.size());
        Map<String, long[]> byRep = new TreeMap<>(); // owner → green before, green after
        ArrayNode accounts = JsonNodeFactory.instance.arrayNode();
        long changed = 0;
        for (int from = 0; from < accountIds.size(); from += BATCH) {
            if (context.cancelled()) {
                throw new InterruptedException("the runtime is stopping");
            }
            List<String> batch = accountIds.subList(from, Math.min(from + BATCH, accountIds.size()));
            List<CreditInput> inputs = store.read(tenantId, em -> Inputs.range(em, batch, setup.versions()));
            List<AccountCredit> credits = engine.compute(tenantId, setup, inputs);
            Before before = store.read(tenantId, em -> Before.of(em, batch.get(0), batch.get(batch.size() - 1)));
            before.greenByRep.forEach((rep, sum) -> byRep.computeIfAbsent(rep, r -> new long[2])[0] += sum);
            List<AccountCredit> rewrite = new ArrayList<>();
            for (AccountCredit credit : credits) {
                for (CreditLine line : credit.lines()) {
                    if (line.bucket() == CreditBucket.GREEN) {
                        byRep.computeIfAbsent(String.valueOf(line.ownerId()), r -> new long[2])[1] +=
                                line.amountCents();
                    }
                }
                CreditAccountEntity state = before.states.get(credit.accountId());
                boolean empty = credit.lines().isEmpty() && credit.total() == 0;
                if ((state != null || !empty) && (LedgerStore.linesChange(setup.ruleId(), credit, state)
                        || !credit.bucket().name().equals(state.bucket) || credit.total() != state.total
                        || credit.threshold() != state.threshold)) {
                    rewrite.add(credit);
                    if (LedgerStore.linesChange(setup.ruleId(), credit, state)) {
                        changed++;
                        if (accounts.size() < MAX_ACCOUNTS_LISTED) {
                            accounts.add(difference(credit, state, before.greenByAccount));
                        }
                    }
                }
            }
            if (!rewrite.isEmpty()) {
                store.write(tenantId, null, tx -> {
                    List<String> stale = rewrite.stream().filter(c -> before.states.containsKey(c.accountId())
                            && LedgerStore.linesChange(setup.ruleId(), c, before.states.get(c.accountId())))
                            .map(AccountCredit::accountId).toList();
                    if (!stale.isEmpty()) {
                        LedgerStore.deleteLines(tx.em(), stale);
                    }
                    for (AccountCredit credit : rewrite) {
                        CreditAccountEntity state = before.states.containsKey(credit.accountId())
                                ? tx.em().find(CreditAccountEntity.class, credit.accountId()) : null;
                        LedgerStore.store(tx, setup.ruleId(), credit, state, true);
                    }
                    return null;
                });
            }
            context.done(Math.min(from + BATCH, accountIds.size()));
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode().put("rule", setup.ruleId())
                .put("accounts", accountIds.size()).put("changedAccounts", changed);
        ArrayNode reps = result.putArray("byRep");
        byRep.forEach((rep, sums) -> {
            if (sums[0] != sums[1]) {
                reps.addObject().put("ownerId", rep).put("greenBefore", CreditResource.money(sums[0]))
                        .put("greenAfter", CreditResource.money(sums[1])).put("delta", CreditResource.money(sums[1] - sums[0]));
            }
        });
        result.set("byAccount", accounts);
        result.put("byAccountTruncated", changed > accounts.size());
        return result;
    }

    private static ObjectNode difference(AccountCredit credit, CreditAccountEntity state,
            Map<String, Long> greenBefore) {
        long after = credit.lines().stream().filter(l -> l.bucket() == CreditBucket.GREEN)
                .mapToLong(CreditLine::amountCents).sum();
        long was = greenBefore.getOrDefault(credit.accountId(), 0L);
        return JsonNodeFactory.instance.objectNode().put("accountId", credit.accountId())
                .put("bucketBefore", state == null ? null : state.bucket).put("bucketAfter", credit.bucket().name())
                .put("greenBefore", CreditResource.money(was)).put("greenAfter", CreditResource.money(after)).put("delta", CreditResource.money(after - was));
    }

    /** The stored ledger of a batch of accounts before the replay. */
    private record Before(Map<String, CreditAccountEntity> states, Map<String, Long> greenByRep,
            Map<String, Long> greenByAccount) {

        /** Reads the stored state of the accounts with ids in [first, last]. */
        static Before of(jakarta.persistence.EntityManager em, String first, String last) {
            Map<String, CreditAccountEntity> states = new HashMap<>();
            em.createQuery("SELECT s FROM CreditAccountEntity s WHERE s.id BETWEEN :first AND :last",
                    CreditAccountEntity.class).setParameter("first", first).setParameter("last", last)
                    .getResultList().forEach(s -> states.put(s.id, s));
            Map<String, Long> byRep = new HashMap<>();
            Map<String, Long> byAccount = new HashMap<>();
            em.createQuery("SELECT l.accountId, l.ownerId, SUM(l.amountCents) FROM CreditLineEntity l WHERE"
                    + " l.bucket = 'GREEN' AND l.accountId BETWEEN :first AND :last GROUP BY l.accountId, l.ownerId",
                    Object[].class).setParameter("first", first).setParameter("last", last).getResultList()
                    .forEach(r -> {
                        long sum = ((Number) r[2]).longValue();
                        byRep.merge(String.valueOf(r[1]), sum, Long::sum);
                        byAccount.merge((String) r[0], sum, Long::sum);
                    });
            return new Before(states, byRep, byAccount);
        }
    }
}
