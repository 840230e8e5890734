package org.revos.api.model;

import java.time.Instant;
import java.util.Map;

/**
 * An inbound or outbound person or company before qualification.
 *
 * @param score    the last computed lead score (0–100), {@code null} until scored
 * @param pipeline the lead lifecycle pipeline id, {@code null} while no stage model is active
 * @param stage    the current stage id in {@code pipeline}
 */
public record Lead(String id, String externalId, String email, String name, String company, String country,
        Integer employees, String title, String source, Integer score, String ownerId, String pipeline, String stage,
        Map<String, Object> properties, Instant createdAt, Instant updatedAt) {
    public Lead {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
