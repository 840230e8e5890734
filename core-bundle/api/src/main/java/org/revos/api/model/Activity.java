package org.revos.api.model;

import java.time.Instant;

/** A call, email, meeting or note by a user, linked to any of a lead, contact, account or deal. */
public record Activity(String id, String externalId, ActivityType type, String userId, Instant occurredAt,
        String subject, String notes, String leadId, String contactId, String accountId, String dealId,
        Instant createdAt) {
}
