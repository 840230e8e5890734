package org.revos.api.leads;

import java.util.Objects;

/** Where a {@link LeadRouting} sends a lead: to a rep, or to a queue. Build one with the factories. */
public final class RoutingChoice {

    private final String repId;
    private final String queue;
    private final String rule;
    private final String reason;

    private RoutingChoice(String repId, String queue, String rule, String reason) {
        this.repId = repId;
        this.queue = queue;
        this.rule = Objects.requireNonNull(rule, "rule");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * @param rule   the rule that chose, such as {@code segment-round-robin}
     * @param reason readable by an admin ("MID_MARKET in EMEA: next in turn among 3 reps with free capacity")
     */
    public static RoutingChoice toRep(String repId, String rule, String reason) {
        return new RoutingChoice(Objects.requireNonNull(repId, "repId"), null, rule, reason);
    }

    /** @param queue the queue the lead waits in until someone takes it, such as {@code unassigned} */
    public static RoutingChoice toQueue(String queue, String rule, String reason) {
        return new RoutingChoice(null, Objects.requireNonNull(queue, "queue"), rule, reason);
    }

    /** @return the rep, {@code null} for a queue */
    public String repId() {
        return repId;
    }

    /** @return the queue, {@code null} for a rep */
    public String queue() {
        return queue;
    }

    public String rule() {
        return rule;
    }

    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return (repId != null ? "rep " + repId : "queue " + queue) + " by " + rule + ": " + reason;
    }
}
