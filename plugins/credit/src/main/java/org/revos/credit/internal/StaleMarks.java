package org.revos.credit.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.revos.api.model.ObjectType;
import org.revos.kernel.spi.Ids;
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
@Component(service = ObjectWriteHook.class)
public final class StaleMarks implements ObjectWriteHook {

    @Override
    public void written(TenantTransaction tx, ObjectWrite write) {
        if (write.type() != ObjectType.REVENUE_EVENT) {
            return;
        }
        Set<String> accounts = new LinkedHashSet<>();
        accountOf(write.before(), accounts);
        accountOf(write.after(), accounts);
        for (String accountId : accounts) {
            CreditPendingEntity pending = new CreditPendingEntity();
            pending.id = Ids.next("cpd");
            pending.accountId = accountId;
            pending.origin = tx.origin(); // an account that turns green from imported history is not announced
            pending.createdAt = tx.now();
            pending.updatedAt = tx.now();
            tx.em().persist(pending);
        }
    }

    private static void accountOf(ObjectNode event, Set<String> accounts) {
        String accountId = event == null ? null : event.path("accountId").asText(null);
        if (accountId != null) {
            accounts.add(accountId);
        }
    }
}
