package org.revos.runtime.internal.objects;

import java.util.Map;

import org.revos.api.event.RevosEvents;
import org.revos.api.model.RevenueKind;
import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.kernel.spi.objects.ObjectRules;
import org.revos.runtime.internal.persistence.AccountEntity;
import org.revos.runtime.internal.persistence.DealEntity;
import org.revos.runtime.internal.persistence.RevenueEventEntity;
import org.revos.runtime.internal.persistence.Tx;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Revenue events move an account's ARR: NEW and EXPANSION add, CONTRACTION and CHURN take away, RENEWAL may do
 * either. An account's ARR never goes below zero, and a deal named by an event belongs to the event's account. The
 * event keeps the deal's owner at its {@code occurredAt} (the rep it is credited to, see {@link DealOwners}); the
 * credit engine (plugins/credit) follows the write through its {@code ObjectWriteHook} in the same transaction.
 */
final class RevenueEventRules implements ObjectRules<RevenueEventEntity> {

    @Override
    public void check(TenantTransaction tx, RevenueEventEntity e, ObjectNode before, Violations v) {
        if (e.kind != null && !v.has("arrDelta")) {
            RevenueKind kind = RevenueKind.valueOf(e.kind);
            if ((kind == RevenueKind.NEW || kind == RevenueKind.EXPANSION) && e.arrDeltaCents <= 0) {
                v.add("arrDelta", "must be positive for a " + kind + " event");
            }
            if ((kind == RevenueKind.CONTRACTION || kind == RevenueKind.CHURN) && e.arrDeltaCents >= 0) {
                v.add("arrDelta", "must be negative for a " + kind + " event");
            }
        }
        AccountEntity account = e.accountId == null ? null : tx.em().find(AccountEntity.class, e.accountId);
        if (account != null && !v.has("arrDelta") && account.arrCents + e.arrDeltaCents < 0) {
            v.add("arrDelta", "would take the account's ARR below zero (it is "
                    + FieldTypes.cents(account.arrCents).toPlainString() + ")");
        }
        if (e.dealId != null && e.accountId != null) {
            DealEntity deal = tx.em().find(DealEntity.class, e.dealId);
            if (deal != null && !deal.accountId.equals(e.accountId)) {
                v.add("dealId", "belongs to another account (" + deal.accountId + ")");
            }
        }
    }

    @Override
    public void afterWrite(TenantTransaction tx, RevenueEventEntity e, ObjectNode before) {
        AccountEntity account = tx.em().find(AccountEntity.class, e.accountId);
        account.arrCents += e.arrDeltaCents;
        account.seats += e.seatsDelta;
        account.updatedAt = tx.now();
        if (e.dealId != null) {
            DealEntity deal = tx.em().find(DealEntity.class, e.dealId);
            e.dealOwnerId = deal == null ? null : DealOwners.at(Tx.of(tx), deal, e.occurredAt);
        }
        tx.publish(RevosEvents.REVENUE_RECORDED, Map.of(RevosEvents.OBJECT_TYPE, "REVENUE_EVENT",
                RevosEvents.OBJECT_ID, e.id, RevosEvents.ACCOUNT_ID, e.accountId, RevosEvents.ARR_CENTS,
                e.arrDeltaCents, RevosEvents.KIND, e.kind));
    }
}
