package org.revos.runtime.internal.settings;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The runtime's settings as a service: configuration PID {@value #PID} (ConfigAdmin, described by metatype; a file
 * {@code org.revos.runtime.cfg} in the deploy folder sets it), over the environment variables and system properties
 * users set ({@code REVOS_HTTP_PORT}, {@code -Drevos.http.port}), over the defaults. Components read it instead of the
 * process's environment, so a test or an admin configures them the OSGi way.
 * <p>
 * Where RevOS listens and whom it may call apply at once ({@link #onChange}); where it keeps its data, its database
 * and its first admin key are read at start, and a change to them takes effect at the next start.
 */
@Component(service = Settings.class, configurationPid = Settings.PID)
@Designate(ocd = Settings.Config.class)
public final class Settings {

    public static final String PID = "org.revos.runtime";
    private static final Logger LOG = Logger.getLogger(Settings.class.getName());

    /** Each attribute left empty takes the environment variable named in its description. */
    @ObjectClassDefinition(name = "RevOS runtime", description = "Where RevOS listens, keeps its data and whom it"
            + " may call on a tenant's behalf. An empty attribute takes the environment variable (or system property)"
            + " of the same name, then the default.")
    public @interface Config {
        @AttributeDefinition(name = "HTTP host", required = false, description = "REVOS_HTTP_HOST; default"
                + " 127.0.0.1. Applies at once.")
        String httpHost() default "";

        @AttributeDefinition(name = "HTTP port", required = false, description = "REVOS_HTTP_PORT; default 8080."
                + " Applies at once.")
        String httpPort() default "";

        @AttributeDefinition(name = "HTTP idle timeout (seconds)", required = false, description =
                "REVOS_HTTP_IDLE_TIMEOUT; 1 to 3600, default 60. Applies at once.")
        String httpIdleTimeout() default "";

        @AttributeDefinition(name = "Outbound allowance", required = false, description = "REVOS_OUTBOUND_ALLOW:"
                + " addresses and CIDR blocks tenants' URLs may reach although they are private or the runtime's"
                + " own. Applies at once.")
        String outboundAllow() default "";

        @AttributeDefinition(name = "Data folder", required = false, description = "REVOS_DATA_DIR; default ./data."
                + " Read at start.")
        String dataDir() default "";

        @AttributeDefinition(name = "Deploy folder", required = false, description = "REVOS_DEPLOY_DIR; default"
                + " ./deploy. Read at start.")
        String deployDir() default "";

        @AttributeDefinition(name = "Database URL", required = false, description = "REVOS_DB_URL; default the"
                + " embedded Derby database in the data folder. Read at start.")
        String dbUrl() default "";

        @AttributeDefinition(name = "Database user", required = false, description = "REVOS_DB_USER. Read at"
                + " start.")
        String dbUser() default "";

        @AttributeDefinition(name = "Database password", required = false, type = AttributeType.PASSWORD,
                description = "REVOS_DB_PASSWORD. Read at start.")
        String dbPassword() default "";
    }

    private final List<Consumer<RuntimeSettings>> listeners = new CopyOnWriteArrayList<>();
    private volatile RuntimeSettings current;

    @Activate
    public Settings(Config config) {
        current = resolve(config, System.getenv(), System.getProperties()).orElseGet(() -> RuntimeSettings.from(
                System.getenv(), System.getProperties()));
    }

    @Modified
    void modified(Config config) {
        resolve(config, System.getenv(), System.getProperties()).ifPresent(next -> {
            current = next;
            LOG.info(() -> "Runtime settings now: " + next);
            listeners.forEach(l -> l.accept(next));
        });
    }

    /** @return the settings now */
    public RuntimeSettings current() {
        return current;
    }

    /** Calls {@code listener} with the settings now, and again whenever the configuration changes them. */
    public void onChange(Consumer<RuntimeSettings> listener) {
        listeners.add(listener);
        listener.accept(current);
    }

    public void removeListener(Consumer<RuntimeSettings> listener) {
        listeners.remove(listener);
    }

    /**
     * @return the configuration laid over the environment and system properties, or empty (with the reasons in the
     *         log) when the configuration names an unusable value: the settings stay as they were
     */
    static Optional<RuntimeSettings> resolve(Config config, Map<String, String> env, Properties system) {
        Properties merged = new Properties();
        merged.putAll(system);
        overlay(merged, RuntimeSettings.HTTP_HOST, config.httpHost());
        overlay(merged, RuntimeSettings.HTTP_PORT, config.httpPort());
        overlay(merged, RuntimeSettings.HTTP_IDLE_TIMEOUT, config.httpIdleTimeout());
        overlay(merged, RuntimeSettings.OUTBOUND_ALLOW, config.outboundAllow());
        overlay(merged, RuntimeSettings.DATA_DIR, config.dataDir());
        overlay(merged, RuntimeSettings.DEPLOY_DIR, config.deployDir());
        overlay(merged, RuntimeSettings.DB_URL, config.dbUrl());
        overlay(merged, RuntimeSettings.DB_USER, config.dbUser());
        overlay(merged, RuntimeSettings.DB_PASSWORD, config.dbPassword());
        try {
            return Optional.of(RuntimeSettings.from(env, merged));
        } catch (IllegalArgumentException e) {
            LOG.log(Level.SEVERE, "The configuration " + PID + " is not used: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static void overlay(Properties merged, String variable, String value) {
        if (value != null && !value.isBlank()) {
            merged.setProperty(RuntimeSettings.propertyName(variable), value.trim());
        }
    }
}
