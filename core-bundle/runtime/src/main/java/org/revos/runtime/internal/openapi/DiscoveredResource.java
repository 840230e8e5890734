package org.revos.runtime.internal.openapi;

/**
 * A resource class the {@code revos} application serves.
 *
 * @param type   the class whose Jakarta REST annotations describe its endpoints
 * @param plugin the symbolic name of the plugin bundle that registered it, or {@code null} for the core
 */
public record DiscoveredResource(Class<?> type, String plugin) {

    /** @return a core resource */
    public static DiscoveredResource core(Class<?> type) {
        return new DiscoveredResource(type, null);
    }
}
