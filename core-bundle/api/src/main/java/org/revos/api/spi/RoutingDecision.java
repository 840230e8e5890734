package org.revos.api.spi;

/**
 * Where a lead goes.
 *
 * @param ownerId the rep it is routed to when {@code outcome} is SALES
 * @param reason  why, readable by an admin
 */
public record RoutingDecision(Outcome outcome, String ownerId, String reason) {

    /** The lane a lead ends up in after filtering. */
    public enum Outcome {
        SALES, SELF_SERVE, PARTNER
    }
}
