package org.revos.runtime.internal.objects;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.persistence.EntityManager;

import org.revos.api.model.ObjectType;
import org.revos.kernel.spi.Ids;
import org.revos.runtime.internal.persistence.DealEntity;
import org.revos.runtime.internal.persistence.DealOwnerEntity;
import org.revos.runtime.internal.persistence.RevenueEventEntity;
import org.revos.runtime.internal.persistence.Tx;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The ownership history of deals ({@link DealOwnerEntity}) and the question the credit ledger asks of it: who owned a
 * deal at an instant. A deal's revenue is credited to its owner at the event's {@code occurredAt}; each revenue event
 * keeps that owner as {@code dealOwnerId}, set when it is recorded and set again when a later change of the deal's
 * owner reaches the event's instant (revenue dated in the future). Both the ledger's incremental updates and its
 * recompute read it from there, so they credit by the same rule.
 * <p>
 * The rule, for an instant {@code at}:
 * <ul>
 * <li>the owner of the latest row whose {@code from} is at or before {@code at} (rows of one instant: the last
 * written);</li>
 * <li>before the deal's first row (revenue dated before the deal was created), the owner it had at its creation;</li>
 * <li>at or after the transaction's instant, the deal's current owner: nothing is ever recorded for the future;</li>
 * <li>a deal without rows (written by a runtime that kept no history) is owned by its current owner since its
 * creation; the first change of its owner writes that owner as of its creation first, so from then on it has a
 * history like any other deal (the lazy backfill).</li>
 * </ul>
 */
public final class DealOwners {

    private DealOwners() {
    }

    /** Records the deal's owner after a write of the deal: on creation, and when the write changed the owner. */
    static void written(Tx tx, DealEntity deal, String ownerBefore, boolean created) {
        if (created) {
            append(tx, deal.id, deal.ownerId, deal.createdAt);
            return;
        }
        if (Objects.equals(ownerBefore, deal.ownerId)) {
            return;
        }
        if (written(tx).getOrDefault(deal.id, List.of()).isEmpty() && rows(tx.em(), deal.id).isEmpty()) {
            append(tx, deal.id, ownerBefore, deal.createdAt); // a deal from before ownership history was kept
        }
        append(tx, deal.id, deal.ownerId, tx.now());
        // revenue of the deal dated from now on was credited to the previous owner: it goes to the new one
        List<RevenueEventEntity> later = tx.em().createQuery("SELECT e FROM RevenueEventEntity e WHERE e.dealId = :d"
                + " AND e.occurredAt >= :now", RevenueEventEntity.class).setParameter("d", deal.id)
                .setParameter("now", tx.now()).getResultList();
        for (RevenueEventEntity e : later) {
            if (!Objects.equals(e.dealOwnerId, deal.ownerId)) {
                ObjectNode before = ObjectEngine.render(Catalog.REVENUE_EVENT, e);
                e.dealOwnerId = deal.ownerId;
                e.updatedAt = tx.now();
                // a write of the event the kernel makes: engines that follow revenue (credit) hear of it
                WriteHooks.written(tx, ObjectType.REVENUE_EVENT, e.id, before,
                        ObjectEngine.render(Catalog.REVENUE_EVENT, e));
            }
        }
    }

    /** Forgets the history of a deleted deal (the audit log keeps its changes). */
    static void deleted(Tx tx, DealEntity deal) {
        tx.em().createQuery("DELETE FROM DealOwnerEntity o WHERE o.dealId = :d").setParameter("d", deal.id)
                .executeUpdate();
    }

    /**
     * @param at epoch milliseconds
     * @return the deal's owner at {@code at}, {@code null} when it had none then
     */
    public static String at(Tx tx, DealEntity deal, long at) {
        if (at >= tx.now()) {
            return deal.ownerId;
        }
        List<DealOwnerEntity> rows = rows(tx, deal.id);
        return rows.isEmpty() ? deal.ownerId : at(rows, at);
    }

    /**
     * @return the deal's history as this transaction sees it: the stored rows and those it wrote itself, which an
     *         import's batch (flush mode COMMIT) does not read back from the database before its commit
     */
    private static List<DealOwnerEntity> rows(Tx tx, String dealId) {
        List<DealOwnerEntity> rows = new ArrayList<>(rows(tx.em(), dealId));
        for (DealOwnerEntity mine : written(tx).getOrDefault(dealId, List.of())) {
            if (rows.stream().noneMatch(r -> r.id.equals(mine.id))) {
                rows.add(mine);
            }
        }
        rows.sort(Comparator.comparingLong(r -> r.from)); // stable: of one instant, this transaction's row last
        return rows;
    }

    /** @return the rows this transaction wrote, by deal, in the order written */
    private static Map<String, List<DealOwnerEntity>> written(Tx tx) {
        return tx.once("deal owners written", HashMap::new);
    }

    /**
     * @param rows a deal's history, ordered by {@code from} then by id (the order written); not empty
     * @return the owner the rows give at {@code at}
     */
    static String at(List<DealOwnerEntity> rows, long at) {
        long t = Math.max(at, rows.get(0).from); // before its creation: the owner it had at its creation
        String owner = null;
        for (DealOwnerEntity row : rows) {
            if (row.from > t) {
                break;
            }
            owner = row.ownerId;
        }
        return owner;
    }

    /** @return the deal's history, ordered by {@code from} then by id */
    public static List<DealOwnerEntity> rows(EntityManager em, String dealId) {
        return em.createQuery("SELECT o FROM DealOwnerEntity o WHERE o.dealId = :d ORDER BY o.from, o.id",
                DealOwnerEntity.class).setParameter("d", dealId).getResultList();
    }

    private static void append(Tx tx, String dealId, String ownerId, long from) {
        // a transaction that changes a deal twice (an import naming it in two rows) keeps the last owner of its instant
        List<DealOwnerEntity> mine = written(tx).computeIfAbsent(dealId, d -> new ArrayList<>());
        DealOwnerEntity last = mine.isEmpty() ? null : mine.get(mine.size() - 1);
        if (last != null && last.from == from) {
            last.ownerId = ownerId;
            return;
        }
        DealOwnerEntity row = new DealOwnerEntity();
        row.id = Ids.next("dow");
        row.dealId = dealId;
        row.ownerId = ownerId;
        row.from = from;
        row.createdAt = tx.now();
        row.updatedAt = tx.now();
        tx.em().persist(row);
        mine.add(row);
    }
}
