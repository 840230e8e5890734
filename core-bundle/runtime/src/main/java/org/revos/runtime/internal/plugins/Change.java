package org.revos.runtime.internal.plugins;

import java.util.List;

import org.osgi.framework.Version;
import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.Problem;

/** What installing a jar does to a plugin, decided from its version and content against the running revision. */
public enum Change {
    /** No revision ran: the plugin is new. */
    INSTALLED,
    /** A newer version replaces the running one. */
    UPDATED,
    /** The same version with other content (a rebuild) replaces the running one. */
    REINSTALLED,
    /** An older version replaces the running one, which the caller allowed. */
    DOWNGRADED,
    /** The very jar that runs: nothing happens. */
    UNCHANGED;

    /**
     * @param running    the running version, null when none runs
     * @param runningSha the SHA-256 of the running jar, null when none runs
     * @throws Problem 409 for an older version unless {@code allowDowngrade}
     */
    public static Change of(Version running, String runningSha, PluginJar candidate, boolean allowDowngrade) {
        if (running == null) {
            return INSTALLED;
        }
        if (candidate.sha256().equals(runningSha)) {
            return UNCHANGED;
        }
        int order = candidate.version().compareTo(running);
        if (order > 0) {
            return UPDATED;
        }
        if (order == 0) {
            return REINSTALLED;
        }
        if (allowDowngrade) {
            return DOWNGRADED;
        }
        throw Problem.conflict(candidate.label() + " is older than the running " + running + "; a downgrade must be"
                + " asked for explicitly: send it again with allowDowngrade=true",
                List.of(new FieldError("Bundle-Version", candidate.version() + " is older than the running "
                        + running)));
    }

    /** @return the audit action that records this change */
    String auditAction() {
        return "PLUGIN_" + name();
    }
}
