package org.revos.credit.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.revos.api.spi.AccountCredit;
import org.revos.api.spi.CreditLine;
import org.revos.kernel.spi.Ids;
import org.revos.kernel.spi.TenantTransaction;

/** Writes an account's computed credit into the stored ledger, rewriting its lines only when they changed. */
final class LedgerStore {

    private LedgerStore() {
    }

    /** @return whether storing {@code credit} over {@code state} rewrites the account's lines */
    static boolean linesChange(String ruleId, AccountCredit credit, CreditAccountEntity state) {
        return state == null || linesChange(ruleId, credit, state.ruleId, state.linesDigest);
    }

    /** @return whether {@code credit}'s lines differ from stored lines of {@code storedRule} with {@code storedDigest} */
    static boolean linesChange(String ruleId, AccountCredit credit, String storedRule, long storedDigest) {
        return storedDigest != digest(credit.lines()) || !ruleId.equals(storedRule);
    }

    /**
     * @param state        the account's stored state, {@code null} when it has none yet
     * @param linesDeleted whether the caller already deleted the account's old lines (in bulk, with others)
     * @return the stored state
     */
    static CreditAccountEntity store(TenantTransaction tx, String ruleId, AccountCredit credit, CreditAccountEntity state,
            boolean linesDeleted) {
        long digest = digest(credit.lines());
        CreditAccountEntity s = state;
        boolean fresh = s == null;
        if (fresh) {
            s = new CreditAccountEntity();
            s.id = credit.accountId();
            s.createdAt = tx.now();
        }
        if (linesChange(ruleId, credit, state)) {
            if (!fresh && !linesDeleted) {
                deleteLines(tx.em(), List.of(credit.accountId()));
            }
            int seq = 0;
            for (CreditLine line : credit.lines()) {
                tx.em().persist(entity(line, seq++, tx.now()));
            }
        }
        s.ruleId = ruleId;
        s.bucket = credit.bucket().name();
        s.total = credit.total();
        s.threshold = credit.threshold();
        s.greenAt = credit.greenAt() == null ? null : credit.greenAt().toEpochMilli();
        s.nearThreshold = credit.nearThreshold();
        s.share = credit.threshold() <= 0 ? 0 : (double) credit.total() / credit.threshold();
        s.linesDigest = digest;
        s.updatedAt = tx.now();
        if (fresh) {
            tx.em().persist(s);
        }
        return s;
    }

    static void deleteLines(EntityManager em, Collection<String> accountIds) {
        em.createQuery("DELETE FROM CreditLineEntity l WHERE l.accountId IN :ids").setParameter("ids", accountIds)
                .executeUpdate();
    }

    private static CreditLineEntity entity(CreditLine line, int seq, long now) {
        CreditLineEntity e = new CreditLineEntity();
        e.id = Ids.next("cl");
        e.accountId = line.accountId();
        e.seq = seq;
        e.revenueEventId = line.revenueEventId();
        e.dealId = line.dealId();
        e.ownerId = line.ownerId();
        e.amountCents = line.amountCents();
        e.bucket = line.bucket().name();
        e.occurredAt = line.occurredAt().toEpochMilli();
        e.creditedAt = line.creditedAt() == null ? null : line.creditedAt().toEpochMilli();
        e.createdAt = now;
        e.updatedAt = now;
        return e;
    }

    /** A 64-bit FNV-1a digest of the lines, so an unchanged account is recognised without reading its lines. */
    static long digest(List<CreditLine> lines) {
        long h = 0xcbf29ce484222325L;
        for (CreditLine l : lines) {
            h = mix(h, l.revenueEventId());
            h = mix(h, l.dealId());
            h = mix(h, l.ownerId());
            h = mix(h, l.amountCents());
            h = mix(h, l.bucket().ordinal());
            h = mix(h, millis(l.occurredAt()));
            h = mix(h, millis(l.creditedAt()));
        }
        return h;
    }

    private static long millis(Instant i) {
        return i == null ? Long.MIN_VALUE : i.toEpochMilli();
    }

    private static long mix(long h, String s) {
        if (s == null) {
            return mix(h, -1L);
        }
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return (h ^ 0xff) * 0x100000001b3L;
    }

    private static long mix(long h, long v) {
        for (int i = 0; i < 8; i++) {
            h = (h ^ ((v >>> (i * 8)) & 0xff)) * 0x100000001b3L;
        }
        return h;
    }
}
