package org.revos.runtime.internal.gateway;

import java.time.Duration;

/**
 * The gateway's limits.
 *
 * @param timeout             how long one call may take
 * @param maxConcurrent       calls one plugin may run at once; more wait up to {@code queueWait}, then are refused
 * @param quarantineAfter     consecutive failures for one tenant after which the plugin is quarantined for it
 * @param quarantineFor       how long a quarantine lasts before one trial call is let through
 */
public record GatewayPolicy(Duration timeout, int maxConcurrent, Duration queueWait, int quarantineAfter,
        Duration quarantineFor) {

    public static final GatewayPolicy DEFAULT = new GatewayPolicy(Duration.ofSeconds(10), 8, Duration.ofMillis(500),
            5, Duration.ofMinutes(1));

    /**
     * @return the policy the configuration describes
     * @throws IllegalArgumentException naming every value out of range
     */
    static GatewayPolicy of(PluginGateway.Config config) {
        java.util.List<String> problems = new java.util.ArrayList<>();
        check(problems, "timeoutMillis", config.timeoutMillis(), 1, 600_000);
        check(problems, "maxConcurrent", config.maxConcurrent(), 1, 1_000);
        check(problems, "queueWaitMillis", config.queueWaitMillis(), 0, 60_000);
        check(problems, "quarantineAfter", config.quarantineAfter(), 1, 1_000);
        check(problems, "quarantineSeconds", config.quarantineSeconds(), 1, 86_400);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new GatewayPolicy(Duration.ofMillis(config.timeoutMillis()), config.maxConcurrent(),
                Duration.ofMillis(config.queueWaitMillis()), config.quarantineAfter(),
                Duration.ofSeconds(config.quarantineSeconds()));
    }

    private static void check(java.util.List<String> problems, String name, long value, long min, long max) {
        if (value < min || value > max) {
            problems.add(name + " must be from " + min + " to " + max + ", not " + value);
        }
    }
}
