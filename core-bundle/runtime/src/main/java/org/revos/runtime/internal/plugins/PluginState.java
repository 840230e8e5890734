package org.revos.runtime.internal.plugins;

/** What an administrator needs to know about a plugin at a glance. */
public enum PluginState {
    /** Started, and every component of it is satisfied (or waits for a tenant's configuration). */
    ACTIVE,
    /** Not serving: it could not be installed or started, or a component of it failed; {@code error} says why. */
    FAILED,
    /** Reserved: installed but kept from serving by the platform. */
    QUARANTINED
}
