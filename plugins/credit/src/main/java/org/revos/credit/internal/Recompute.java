package org.revos.credit.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;

import org.revos.api.spi.AccountCredit;
import org.revos.api.spi.CreditBucket;
import org.revos.api.spi.CreditInput;
import org.revos.api.spi.CreditLine;
import org.revos.kernel.spi.JobRunner;
import org.revos.kernel.spi.TenantStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Replays every account's history under the tenant's rule versions, rewrites the accounts whose ledger changed and
 * reports the difference to the previous ledger, per rep and per account. It holds the tenant's ledger while it
 * runs, so incremental updates wait and reads answer from the previous ledger. Replaying does not hand accounts
 * over: a handover is a reaction to revenue as it happens, not to history.
 * <p>
 * Cost: the accounts, their stored credit state and the green total per rep are read once; then, per batch of
 * accounts, one range query of their events (on the events' account index), the rule, and writes for the accounts
 * whose ledger changed only (the old lines of a batch are read only when one of its accounts changed).
 */
final class Recompute implements JobRunner.Work {

    static final int BATCH = 1_000;
    /** accounts listed in the result; the count goes on beyond it */
    static final int MAX_ACCOUNTS_LISTED = 1000;

    private final CreditEngine engine;
    private final TenantStore store;
    private final String tenantId;
    private final RuleSetup setup;

    Recompute(CreditEngine engine, TenantStore store, String tenantId, RuleSetup setup) {
        this.engine = engine;
        this.store = store;
        this.tenantId = tenantId;
        this.setup = setup;
    }

    /** What is stored of one account's credit, as far as deciding whether to rewrite it goes. */
    private record Stored(String ruleId, String bucket, long total, long threshold, long digest,
            String handedOverFrom, Long greenAt, boolean near) {

        /** @return whether the account's state besides its lines differs from {@code credit}'s */
        boolean stateDiffers(AccountCredit credit) {
            return !credit.bucket().name().equals(bucket) || credit.total() != total
                    || credit.threshold() != threshold || credit.nearThreshold() != near
                    || !java.util.Objects.equals(credit.greenAt() == null ? null : credit.greenAt().toEpochMilli(),
                            greenAt);
        }
    }

    @Override
    public JsonNode run(JobRunner.Progress context) throws Exception {
        return engine.recomputing(tenantId, () -> replay(context));
    }

    private JsonNode replay(JobRunner.Progress context) throws Exception {
        List<CreditInput.Account> accounts = new ArrayList<>();
        Map<String, Stored> stored = new HashMap<>();
        Map<String, long[]> byRep = new TreeMap<>(); // owner → green before, green after
        store.query(tenantId, em -> {
            for (Object[] a : em.createQuery("SELECT a.id, a.segment, a.ownerId FROM AccountEntity a ORDER BY a.id",
                    Object[].class).getResultList()) {
                accounts.add(new CreditInput.Account((String) a[0], (String) a[1], (String) a[2]));
            }
            for (Object[] s : em.createQuery("SELECT s.id, s.ruleId, s.bucket, s.total, s.threshold, s.linesDigest,"
                    + " s.handedOverFrom, s.greenAt, s.nearThreshold FROM CreditAccountEntity s", Object[].class)
                    .getResultList()) {
                stored.put((String) s[0], new Stored((String) s[1], (String) s[2], (Long) s[3], (Long) s[4],
                        (Long) s[5], (String) s[6], (Long) s[7], Boolean.TRUE.equals(s[8])));
            }
            for (Object[] r : em.createQuery("SELECT l.ownerId, SUM(l.amountCents) FROM CreditLineEntity l WHERE"
                    + " l.bucket = 'GREEN' GROUP BY l.ownerId", Object[].class).getResultList()) {
                long[] sums = byRep.computeIfAbsent(String.valueOf(r[0]), o -> new long[2]);
                sums[0] = ((Number) r[1]).longValue();
                sums[1] = sums[0];
            }
            return null;
        });
        context.total(accounts.size());
        ArrayNode listed = JsonNodeFactory.instance.arrayNode();
        long changed = 0;
        for (int from = 0; from < accounts.size(); from += BATCH) {
            if (context.cancelled()) {
                throw new InterruptedException("the runtime is stopping");
            }
            List<CreditInput.Account> batch = accounts.subList(from, Math.min(from + BATCH, accounts.size()));
            String first = batch.get(0).id();
            String last = batch.get(batch.size() - 1).id();
            Map<String, List<CreditInput.Event>> histories = store.query(tenantId,
                    em -> Inputs.histories(em, first, last));
            List<CreditInput> inputs = new ArrayList<>(batch.size());
            for (CreditInput.Account a : batch) {
                Stored s = stored.get(a.id());
                CreditInput.Account account = s == null || s.handedOverFrom() == null ? a
                        : new CreditInput.Account(a.id(), a.segment(), s.handedOverFrom());
                inputs.add(new CreditInput(account, histories.getOrDefault(a.id(), List.of()), setup.versions()));
            }
            List<AccountCredit> credits = engine.compute(tenantId, setup, inputs);
            List<AccountCredit> rewrite = new ArrayList<>();
            java.util.Set<String> relined = new java.util.HashSet<>();
            for (AccountCredit credit : credits) {
                Stored s = stored.get(credit.accountId());
                boolean empty = credit.lines().isEmpty() && credit.total() == 0;
                boolean lines = s == null ? !empty
                        : LedgerStore.linesChange(setup.ruleId(), credit, s.ruleId(), s.digest());
                if (lines || s != null && s.stateDiffers(credit)) {
                    rewrite.add(credit);
                }
                if (lines) {
                    relined.add(credit.accountId());
                }
            }
            Map<String, Map<String, Long>> oldGreen = relined.stream().anyMatch(stored::containsKey)
                    ? store.query(tenantId, em -> greenByAccountAndRep(em, first, last)) : Map.of();
            for (AccountCredit credit : credits) {
                if (!relined.contains(credit.accountId())) {
                    continue;
                }
                changed++;
                Map<String, Long> was = oldGreen.getOrDefault(credit.accountId(), Map.of());
                Map<String, Long> now = green(credit);
                was.forEach((rep, sum) -> byRep.computeIfAbsent(rep, r -> new long[2])[1] -= sum);
                now.forEach((rep, sum) -> byRep.computeIfAbsent(rep, r -> new long[2])[1] += sum);
                if (listed.size() < MAX_ACCOUNTS_LISTED) {
                    Stored s = stored.get(credit.accountId());
                    long before = was.values().stream().mapToLong(Long::longValue).sum();
                    long after = now.values().stream().mapToLong(Long::longValue).sum();
                    listed.addObject().put("accountId", credit.accountId())
                            .put("bucketBefore", s == null ? null : s.bucket())
                            .put("bucketAfter", credit.bucket().name())
                            .put("greenBefore", CreditResource.money(before))
                            .put("greenAfter", CreditResource.money(after))
                            .put("delta", CreditResource.money(after - before));
                }
            }
            if (!rewrite.isEmpty()) {
                store.transaction(tenantId, null, tx -> {
                    for (AccountCredit credit : rewrite) {
                        boolean known = stored.containsKey(credit.accountId());
                        if (known && relined.contains(credit.accountId())) {
                            LedgerStore.deleteLines(tx.em(), List.of(credit.accountId()));
                        }
                        CreditAccountEntity state = known
                                ? tx.em().find(CreditAccountEntity.class, credit.accountId()) : null;
                        LedgerStore.store(tx, setup.ruleId(), credit, state, true);
                    }
                    return null;
                });
            }
            context.done(Math.min(from + BATCH, accounts.size()));
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode().put("rule", setup.ruleId())
                .put("accounts", accounts.size()).put("changedAccounts", changed);
        ArrayNode reps = result.putArray("byRep");
        byRep.forEach((rep, sums) -> {
            if (sums[0] != sums[1]) {
                reps.addObject().put("ownerId", rep).put("greenBefore", CreditResource.money(sums[0]))
                        .put("greenAfter", CreditResource.money(sums[1]))
                        .put("delta", CreditResource.money(sums[1] - sums[0]));
            }
        });
        result.set("byAccount", listed);
        result.put("byAccountTruncated", changed > listed.size());
        return result;
    }

    private static Map<String, Long> green(AccountCredit credit) {
        Map<String, Long> out = new HashMap<>();
        for (CreditLine line : credit.lines()) {
            if (line.bucket() == CreditBucket.GREEN) {
                out.merge(String.valueOf(line.ownerId()), line.amountCents(), Long::sum);
            }
        }
        return out;
    }

    /** @return the stored green credit of the accounts with ids in [first, last], per account and rep */
    private static Map<String, Map<String, Long>> greenByAccountAndRep(EntityManager em, String first, String last) {
        Map<String, Map<String, Long>> out = new HashMap<>();
        for (Object[] r : em.createQuery("SELECT l.accountId, l.ownerId, SUM(l.amountCents) FROM CreditLineEntity l"
                + " WHERE l.accountId BETWEEN :first AND :last AND l.bucket = 'GREEN' GROUP BY l.accountId,"
                + " l.ownerId", Object[].class).setParameter("first", first).setParameter("last", last)
                .getResultList()) {
            out.computeIfAbsent((String) r[0], a -> new HashMap<>()).merge(String.valueOf(r[1]),
                    ((Number) r[2]).longValue(), Long::sum);
        }
        return out;
    }
}
