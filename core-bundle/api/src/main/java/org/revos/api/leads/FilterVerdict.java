package org.revos.api.leads;

import java.util.Objects;

/** What a {@link LeadFilter} decided: pass, or divert to a named fallback by a rule. Build one with the factories. */
public final class FilterVerdict {

    private static final FilterVerdict PASS = new FilterVerdict(null, null, null);

    private final String fallback;
    private final String rule;
    private final String reason;

    private FilterVerdict(String fallback, String rule, String reason) {
        this.fallback = fallback;
        this.rule = rule;
        this.reason = reason;
    }

    /** @return a verdict that lets the sign-up on to scoring and routing */
    public static FilterVerdict pass() {
        return PASS;
    }

    /**
     * @param fallback where the sign-up goes instead of a rep, such as {@code self-serve} or {@code partner-latam}
     * @param rule     the rule that diverted it, such as {@code country}
     * @param reason   why, readable by an admin ("BR is not an allowed country")
     */
    public static FilterVerdict divert(String fallback, String rule, String reason) {
        return new FilterVerdict(Objects.requireNonNull(fallback, "fallback"), Objects.requireNonNull(rule, "rule"),
                Objects.requireNonNull(reason, "reason"));
    }

    public boolean passed() {
        return fallback == null;
    }

    /** @return the fallback, {@code null} when passed */
    public String fallback() {
        return fallback;
    }

    /** @return the rule that diverted, {@code null} when passed */
    public String rule() {
        return rule;
    }

    /** @return the reason, {@code null} when passed */
    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return passed() ? "pass" : "divert to " + fallback + " by " + rule + ": " + reason;
    }
}
