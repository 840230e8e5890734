package org.revos.runtime.internal.plugins;

/** What an administrator needs to know about a plugin at a glance. */
public enum PluginState {
    /** Started, and every component of it is satisfied (or waits for a tenant's configuration). */
    ACTIVE,
    /** Not serving: it could not be installed or started, or a component of it failed; {@code error} says why. */
    FAILED,
    /** Installed and started, but fenced off by the plugin gateway for at least one tenant (it kept failing there). */
    QUARANTINED
}
