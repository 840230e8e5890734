package org.revos.kernel.spi;

/**
 * A call into a plugin did not produce an answer: it threw, timed out, the plugin was saturated, or it is
 * quarantined for the tenant. The message says which plugin, for which tenant, and why.
 */
public final class PluginCallFailed extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the call failed. */
    public enum Reason {
        FAILED, TIMED_OUT, SATURATED, QUARANTINED
    }

    private final String pluginId;
    private final String tenantId;
    private final Reason reason;

    /** Thrown by the kernel's plugin gateway; the message names the plugin, the tenant and the reason. */
    public PluginCallFailed(String pluginId, String tenantId, Reason reason, String message, Throwable cause) {
        super("Plugin " + pluginId + " " + message + " (tenant " + tenantId + ")", cause);
        this.pluginId = pluginId;
        this.tenantId = tenantId;
        this.reason = reason;
    }

    public String pluginId() {
        return pluginId;
    }

    public String tenantId() {
        return tenantId;
    }

    public Reason reason() {
        return reason;
    }
}
