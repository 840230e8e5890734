package org.revos.runtime.internal.boot;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.revos.runtime.internal.settings.RuntimeSettings;

/**
 * Readies the console when the runtime bundle starts, which the launcher does before it starts Jetty, Jersey and the
 * REST whiteboard (they come after it in revos.bndrun): it sets the log levels ({@link LogLevels}), so their
 * registrations are not announced at INFO on every start, and initializes SLF4J, Jetty's logging, in this one
 * thread, so that Jetty's threads do not race its initialization and have their first messages replayed with a
 * warning. Before that it checks the start-up settings and that the port is free: unusable settings or a taken port
 * end the start with a message and exit status 1, here in the launcher's start of this bundle, before any component
 * (which never exits the process) activates through SCR.
 */
public final class QuietStart implements BundleActivator {

    /**
     * @throws IllegalStateException after printing what is wrong, when a start-up setting is unusable: the runtime
     *                               then exits with status 1 before any of its components starts
     */
    @Override
    public void start(BundleContext context) {
        RuntimeSettings settings;
        try {
            settings = RuntimeSettings.from(System.getenv(), System.getProperties());
        } catch (IllegalArgumentException invalid) {
            throw StartRefusal.exit("RevOS cannot start. " + invalid.getMessage() + ".");
        }
        HttpConfigurator.takenPort(settings.httpHost(), settings.httpPort()).ifPresent(taken -> {
            throw StartRefusal.exit(taken);
        });
        LogLevels.configure();
        try {
            org.slf4j.LoggerFactory.getILoggerFactory();
        } catch (NoClassDefFoundError noSlf4j) {
            // a framework without SLF4J (the OSGi tests' may lack it): nothing logs through it
        }
    }

    @Override
    public void stop(BundleContext context) {
        // the levels stay: they are the JVM's, and the next start sets the same
    }
}
