package org.revos.credit.internal;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.revos.api.model.ObjectType;
import org.revos.kernel.spi.Daemons;
import org.revos.kernel.spi.Ids;
import org.revos.kernel.spi.TenantStore;
import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.objects.ObjectWriteHook;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Marks an account's credit stale in the transaction of every write of one of its revenue events: creation, patch,
 * deletion, and the kernel's re-assignment of an event's {@code dealOwnerId} when its deal changes owner (a write of
 * the event the kernel reports to the hooks). A patch that moves an event marks both accounts. The marks commit with
 * the write or not at all, so no event is left uncredited even if the runtime stops before the ledger catches up;
 * the {@link CreditEngine} then recomputes the marked accounts.
 */
@Component(service = ObjectWriteHook.class, immediate = true)
public final class StaleMarks implements ObjectWriteHook {

    private static final Logger LOG = Logger.getLogger(StaleMarks.class.getName());
    /**
     * How far before the watermark events are marked again: a transaction takes its instant when it begins, so one
     * that began before the hook left or arrived can commit an event a little older than that moment.
     */
    static final long MARGIN_MS = Duration.ofMinutes(5).toMillis();

    private final TenantStore store;
    private final long activeSince;
    private final ExecutorService catchUp = Daemons.scheduler("revos-credit-catch-up");

    /**
     * Starts marking, and marks in the background the accounts of revenue events recorded while the engine was away
     * (uninstalled, stopped or being updated): no event is left out of the ledger because the engine did not run
     * when it was written.
     */
    @Activate
    public StaleMarks(@Reference TenantStore store) {
        this.store = store;
        this.activeSince = System.currentTimeMillis();
        catchUp.execute(this::catchUpAll);
    }

    /** Records, per tenant, that every event before now (less the margin) has marked its account. */
    @Deactivate
    void stop() {
        catchUp.shutdownNow();
        long now = System.currentTimeMillis();
        try {
            if (store.isUp()) {
                store.tenantIds().forEach(t -> store.transaction(t, null, tx -> advance(tx, now - MARGIN_MS)));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record up to when credit saw revenue events; the next start marks"
                    + " again since the previous record", e);
        }
    }

    private void catchUpAll() {
        try {
            for (int i = 0; i < 60 && !store.isUp(); i++) {
                Thread.sleep(1_000);
            }
            for (String tenantId : store.tenantIds()) {
                int marked = store.transaction(tenantId, null, tx -> catchUp(tx, activeSince));
                if (marked > 0) {
                    LOG.info(() -> "Credit marked " + marked + " accounts of tenant " + tenantId + " whose revenue"
                            + " was recorded while the credit engine was away");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not mark the revenue recorded while the credit engine was away; it reaches"
                    + " the ledger with the next recompute", e);
        }
    }

    /**
     * Marks the accounts of the tenant's events recorded after its watermark (less the margin), then moves the
     * watermark to when this engine began marking. A tenant without a watermark has had credit all along (the data
     * folder of a runtime whose kernel held credit, or a new tenant): nothing to catch up.
     *
     * @return how many accounts were marked
     */
    static int catchUp(TenantTransaction tx, long activeSince) {
        CreditWatermarkEntity mark = tx.em().find(CreditWatermarkEntity.class, id(tx.tenantId()));
        int marked = 0;
        if (mark != null) {
            List<String> accounts = tx.em().createQuery("SELECT DISTINCT e.accountId FROM RevenueEventEntity e"
                    + " WHERE e.createdAt > :since", String.class).setParameter("since", mark.seenUpTo - MARGIN_MS)
                    .getResultList();
            for (String accountId : accounts) {
                persist(tx, accountId, null);
            }
            marked = accounts.size();
        }
        advance(tx, activeSince - MARGIN_MS);
        return marked;
    }

    private static Object advance(TenantTransaction tx, long seenUpTo) {
        CreditWatermarkEntity mark = tx.em().find(CreditWatermarkEntity.class, id(tx.tenantId()));
        if (mark == null) {
            mark = new CreditWatermarkEntity();
            mark.id = id(tx.tenantId());
            mark.createdAt = tx.now();
            mark.seenUpTo = seenUpTo;
            mark.updatedAt = tx.now();
            tx.em().persist(mark);
        } else if (seenUpTo > mark.seenUpTo) {
            mark.seenUpTo = seenUpTo;
            mark.updatedAt = tx.now();
        }
        return null;
    }

    static String id(String tenantId) {
        return "cwm_" + tenantId;
    }

    @Override
    public void written(TenantTransaction tx, ObjectWrite write) {
        if (write.type() != ObjectType.REVENUE_EVENT) {
            return;
        }
        Set<String> accounts = new LinkedHashSet<>();
        accountOf(write.before(), accounts);
        accountOf(write.after(), accounts);
        for (String accountId : accounts) {
            // an account that turns green from imported history is not announced
            persist(tx, accountId, tx.origin());
        }
    }

    private static void persist(TenantTransaction tx, String accountId, String origin) {
        CreditPendingEntity pending = new CreditPendingEntity();
        pending.id = Ids.next("cpd");
        pending.accountId = accountId;
        pending.origin = origin;
        pending.createdAt = tx.now();
        pending.updatedAt = tx.now();
        tx.em().persist(pending);
    }

    private static void accountOf(ObjectNode event, Set<String> accounts) {
        String accountId = event == null ? null : event.path("accountId").asText(null);
        if (accountId != null) {
            accounts.add(accountId);
        }
    }
}
