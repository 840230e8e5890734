package org.revos.runtime.internal.gateway;

import java.util.Set;

/**
 * What the gateway has seen of one plugin since it was installed.
 *
 * @param quarantinedFor tenants for which the plugin is fenced off
 * @param lastError      the last failure's message, {@code null} if none
 */
public record CallRecord(String pluginId, long calls, long failures, long timeouts, long rejected,
        double meanMillis, long maxMillis, Set<String> quarantinedFor, String lastError) {
}
