package org.revos.adoption.credit.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.revos.api.spi.AdoptionProbe;
import org.revos.api.spi.AdoptionTactic;
import org.revos.api.spi.ChecklistItem;
import org.revos.api.spi.ProbeContext;
import org.revos.api.spi.ProbeResult;

/**
 * REMIND: a scheduled reminder of the initiative exists for its owners, and a notifier can carry it to them. The
 * runtime sends reminders at their cadence through the tenant's notifiers.
 */
@Component(service = AdoptionProbe.class)
public final class RemindProbe implements AdoptionProbe {

    @Override
    public String id() {
        return "remind-scheduled";
    }

    @Override
    public AdoptionTactic tactic() {
        return AdoptionTactic.REMIND;
    }

    @Override
    public String label() {
        return "a scheduled reminder reaches the owners";
    }

    @Override
    public ProbeResult check(ProbeContext context) {
        List<ChecklistItem> reminders = context.items().stream()
                .filter(i -> i.kind() == ChecklistItem.Kind.REMINDER && !i.isDone() && i.ownerId() != null)
                .toList();
        boolean channel = !context.subscriptions().isEmpty();
        String evidence = reminders.size() + " active reminder(s)"
                + (reminders.isEmpty() ? "" : " (" + String.join(", ", reminders.stream()
                        .map(r -> r.cadence().toLowerCase() + ": " + r.text()).toList()) + ")")
                + "; " + (channel ? "a notifier is set up to deliver them" : "no notifier is set up");
        if (reminders.isEmpty()) {
            return ProbeResult.missing(evidence, "schedule a reminder: POST /api/v1/adoption/items with kind"
                    + " REMINDER, an owner and a cadence");
        }
        if (!channel) {
            return ProbeResult.missing(evidence, "set up a notifier (such as a chat webhook) so reminders reach"
                    + " people");
        }
        return ProbeResult.done(evidence);
    }
}
