package org.revos.blackbox.plugins;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** A bundle activator that always fails to start; {@link TestJars} packs it into a plugin jar. */
public class ThrowingActivator implements BundleActivator {

    /** The message the installer must report. */
    public static final String MESSAGE = "the throwing activator refuses to start";

    @Override
    public void start(BundleContext context) {
        throw new IllegalStateException(MESSAGE);
    }

    @Override
    public void stop(BundleContext context) {
        // never started
    }
}
