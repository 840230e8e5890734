package org.revos.runtime.internal.plugins;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.revos.api.security.Caller;
import org.revos.runtime.internal.persistence.Store;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Records plugin installs, updates and removals in the platform audit log ({@link Store#PLATFORM}). The framework
 * change has already happened when it is recorded, so a failing audit write is logged rather than undoing it.
 */
final class PluginAudit {

    private static final Logger LOG = Logger.getLogger(PluginAudit.class.getName());

    private final Store store;

    PluginAudit(Store store) {
        this.store = store;
    }

    void record(Caller caller, String action, String pluginId, JsonNode before, JsonNode after) {
        try {
            store.write(Store.PLATFORM, caller, tx -> {
                tx.audit(action, "PLUGIN", pluginId, before, after);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not audit " + action + " of " + pluginId, e);
        }
    }
}
