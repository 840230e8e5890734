package org.revos.runtime.internal.boot;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Keeps the runtime's console for what an operator must read (the generated admin key, warnings, incidents): the
 * REST whiteboard, Jersey and SPI Fly log every registration and reload at INFO, which on a hot-deploying system is
 * noise. JUL holds loggers weakly, so the configured ones are kept here.
 */
@Component(immediate = true)
public final class LogLevels {

    private static final List<Logger> QUIETED = List.of(
            quiet("org.eclipse.osgitech.rest", Level.WARNING),
            // the REST whiteboard's own logger names, which are not its class names
            quiet("Jakartars", Level.WARNING),
            quiet("jersey", Level.WARNING),
            quiet("runtime.check", Level.WARNING),
            quiet("org.apache.aries.spifly", Level.WARNING),
            quiet("org.glassfish.jersey.server.wadl", Level.SEVERE),
            quiet("org.glassfish.jersey.internal.inject.Providers", Level.SEVERE),
            quiet("org.eclipse.persistence", Level.WARNING));

    @Activate
    public LogLevels() {
        configure(); // the levels are set when the class loads; activation only makes sure it does, early
    }

    /** Sets the levels, if loading this class has not already; callable before SCR runs. */
    static void configure() {
        if (QUIETED.isEmpty()) {
            throw new IllegalStateException("no loggers configured");
        }
    }

    private static Logger quiet(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        return logger;
    }
}
