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
}
