package org.revos.adoption.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.revos.api.model.User;
import org.revos.api.spi.Notification;

/** The notifications adoption sends: reminders to item owners and the celebration of an adopted initiative. */
final class Messages {

    private Messages() {
    }

    static Notification reminder(InitiativeEntity initiative, ChecklistItemEntity item, User owner,
            LocalDate today) {
        String when = item.due == null ? "" : item.due.isBefore(today) ? " — overdue since " + item.due
                : " — due today";
        String title = "Reminder: " + item.text;
        String text = owner.name() + ", a reminder for the initiative \"" + initiative.name + "\" (" + item.tactic
                + "): " + item.text + when + ".";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("initiativeId", initiative.id);
        data.put("initiative", initiative.name);
        data.put("itemId", item.id);
        data.put("tactic", item.tactic);
        data.put("ownerId", owner.id());
        if (owner.email() != null) {
            data.put("ownerEmail", owner.email());
        }
        if (item.due != null) {
            data.put("due", item.due.toString());
            data.put("overdue", item.due.isBefore(today));
        }
        return new Notification(AdoptionEngine.REMINDER_TOPIC, title, text, data);
    }

    static Notification completed(InitiativeEntity initiative) {
        return new Notification(AdoptionEngine.COMPLETED_TOPIC, "Adopted: " + initiative.name,
                "🎉 \"" + initiative.name + "\" is adopted: every CREDIT tactic is done — celebrated, reminded,"
                        + " enforced, defined, inspected and trained.",
                Map.of("initiativeId", initiative.id, "initiative", initiative.name));
    }
}
