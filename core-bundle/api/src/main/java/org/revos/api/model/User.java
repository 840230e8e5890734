package org.revos.api.model;

import java.time.Instant;

/**
 * A person working in the tenant's revenue team.
 *
 * @param capacity how many accounts this user can own (routing and handover use it); {@code null} when unset
 */
public record User(String id, String externalId, String name, String email, UserRole role, String team,
        String segment, Integer capacity, Instant createdAt, Instant updatedAt) {
}
