package org.revos.api.spi;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A manual item of an initiative's checklist: a task ticked by a person, a training completed by a user, or a
 * scheduled reminder.
 *
 * @param kind     {@link Kind#TASK}, {@link Kind#TRAINING} or {@link Kind#REMINDER}
 * @param userId   for a training: the user who was trained
 * @param cadence  for a reminder: {@code DAILY} or {@code WEEKLY}
 * @param doneBy   who ticked it (an API key id or user id); {@code null} while open
 */
public record ChecklistItem(String id, String initiativeId, AdoptionTactic tactic, Kind kind, String text,
        String ownerId, LocalDate due, String userId, String cadence, String doneBy, Instant doneAt) {

    /** What a manual item is. */
    public enum Kind {
        TASK, TRAINING, REMINDER
    }

    public boolean isDone() {
        return doneAt != null;
    }
}
