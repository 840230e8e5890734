package org.revos.api.model;

import java.time.Instant;

/**
 * An accepted move of a lead or deal between stages: the history every funnel figure is computed from.
 *
 * @param fromStage {@code null} when the object entered its first stage
 * @param by        the API key or user id that made the move
 */
public record StageTransition(String id, ObjectType objectType, String objectId, String pipeline, String fromStage,
        String toStage, Instant at, String by) {
}
