package org.revos.runtime.internal.plugins;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;

import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.revos.runtime.internal.settings.Settings;

/**
 * Points Felix FileInstall at the deploy folder, through a factory configuration of
 * {@value #FACTORY_PID}. It exists only while the {@link DeployFolder} installer is registered: FileInstall installs
 * jars nobody claims as bundles of its own (and refreshes the framework), so it must never watch the folder
 * without the installer in place (the installer reference is held for exactly that reason).
 */
@Component(immediate = true)
public final class DeployWatcher {

    static final String FACTORY_PID = "org.apache.felix.fileinstall";
    static final String NAME = "revos-deploy";
    /** FileInstall reports a file once its size and time are unchanged across two scans, so this is paid twice. */
    static final String POLL_MILLIS = "100";

    private final Configuration configuration;

    @Activate
    public DeployWatcher(@Reference ConfigurationAdmin configAdmin,
            @Reference(target = "(" + DeployFolder.MARKER + "=true)") ArtifactInstaller folder,
            @Reference Settings settings) throws IOException {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("felix.fileinstall.dir", settings.current().deployDir().toString());
        properties.put("felix.fileinstall.poll", POLL_MILLIS);
        properties.put("felix.fileinstall.noInitialDelay", "true");
        properties.put("felix.fileinstall.active.level", "0");
        // plugin jars, and configuration files (PID.cfg / PID.config) that FileInstall hands to ConfigAdmin
        properties.put("felix.fileinstall.filter", ".*\\.(jar|cfg|config)");
        properties.put("felix.fileinstall.subdir.mode", "skip");
        configuration = configAdmin.getFactoryConfiguration(FACTORY_PID, NAME, "?");
        configuration.updateIfDifferent(properties);
    }

    @Deactivate
    void deactivate() throws IOException {
        configuration.delete();
    }
}
