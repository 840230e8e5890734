package org.revos.adoption.internal;

import java.util.Objects;

import org.revos.api.spi.AdoptionTactic;
import org.revos.api.spi.ChecklistItem;
import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.ObjectRules;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A task is ticked with {@code done}, which records who and when. A training belongs to TRAIN and names the user who
 * was trained ({@code done} when they completed it); a reminder belongs to REMIND and has an owner and a cadence.
 */
final class ChecklistItemRules implements ObjectRules<ChecklistItemEntity> {

    @Override
    public void defaults(TenantTransaction tx, ChecklistItemEntity created) {
        if (created.kind == null) {
            created.kind = ChecklistItem.Kind.TASK.name();
        }
    }

    @Override
    public void check(TenantTransaction tx, ChecklistItemEntity e, ObjectNode before, Violations v) {
        String kind = Objects.requireNonNullElse(e.kind, ChecklistItem.Kind.TASK.name());
        if (kind.equals(ChecklistItem.Kind.TRAINING.name())) {
            if (e.userId == null) {
                v.add("userId", "is required for a training: the user who is trained");
            }
            if (e.tactic != null && !e.tactic.equals(AdoptionTactic.TRAIN.name())) {
                v.add("tactic", "a training belongs to TRAIN");
            }
        }
        if (kind.equals(ChecklistItem.Kind.REMINDER.name())) {
            if (e.cadence == null) {
                v.add("cadence", "is required for a reminder: DAILY or WEEKLY");
            }
            if (e.ownerId == null) {
                v.add("ownerId", "is required for a reminder: who is reminded");
            }
            if (e.tactic != null && !e.tactic.equals(AdoptionTactic.REMIND.name())) {
                v.add("tactic", "a reminder belongs to REMIND");
            }
        } else if (e.cadence != null) {
            v.add("cadence", "only reminders have a cadence");
        }
        if (Boolean.TRUE.equals(e.doneRequested) && e.doneAt == null) {
            e.doneAt = tx.now();
            e.doneBy = tx.caller() == null ? "system" : tx.caller().keyId();
        } else if (Boolean.FALSE.equals(e.doneRequested)) {
            e.doneAt = null;
            e.doneBy = null;
            e.remindedAt = null;
        }
        e.doneRequested = null;
    }
}
