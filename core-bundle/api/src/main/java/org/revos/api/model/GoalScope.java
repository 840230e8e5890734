package org.revos.api.model;

/**
 * Who a goal is for: a user, a team, or (both {@code null}) the whole tenant.
 */
public record GoalScope(String team, String userId) {
    /** @return the tenant-wide scope */
    public static GoalScope tenant() {
        return new GoalScope(null, null);
    }
}
