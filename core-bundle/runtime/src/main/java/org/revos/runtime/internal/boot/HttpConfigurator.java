package org.revos.runtime.internal.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.function.Consumer;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.revos.runtime.internal.settings.RuntimeSettings;
import org.revos.runtime.internal.settings.Settings;

/**
 * Turns the settings into the configurations Jetty and the Jakarta REST whiteboard wait for. Jetty is
 * launched with {@code org.apache.felix.http.require.config=true}, so it binds no port before this component has
 * told it which host and port to use.
 */
@Component(immediate = true)
public final class HttpConfigurator {

    static final String JETTY_PID = "org.apache.felix.http";
    static final String WHITEBOARD_PID = "JakartarsServletWhiteboardRuntimeComponent";

    private final ConfigurationAdmin configAdmin;
    private final Settings settings;
    private final Consumer<RuntimeSettings> follow = this::configure;

    @Activate
    public HttpConfigurator(@Reference ConfigurationAdmin configAdmin, @Reference Settings settings) {
        this.configAdmin = configAdmin;
        this.settings = settings;
        settings.onChange(follow);
    }

    @Deactivate
    void stop() {
        settings.removeListener(follow);
    }

    /** Tells Jetty and the whiteboard where to listen; again whenever the settings change where. */
    private void configure(RuntimeSettings settings) {
        Dictionary<String, Object> jetty = new Hashtable<>();
        jetty.put("org.apache.felix.http.enable", Boolean.TRUE);
        jetty.put("org.osgi.service.http.port", settings.httpPort());
        jetty.put("org.apache.felix.http.host", settings.httpHost());
        // how long a connection may stay silent, a request body that stops arriving included (then a 408)
        jetty.put("org.apache.felix.http.timeout", settings.httpIdleTimeoutSeconds() * 1000);
        jetty.put("org.apache.felix.http.jetty.sendServerHeader", Boolean.FALSE);
        jetty.put("org.apache.felix.http.session.timeout", 1);
        Dictionary<String, Object> whiteboard = new Hashtable<>();
        whiteboard.put("jersey.context.path", "/");
        whiteboard.put("jersey.disable.sessions", Boolean.TRUE);
        try {
            update(configAdmin.getConfiguration(JETTY_PID, "?"), jetty);
            update(configAdmin.getConfiguration(WHITEBOARD_PID, "?"), whiteboard);
        } catch (IOException e) {
            throw new UncheckedIOException("ConfigurationAdmin could not store the HTTP configuration", e);
        }
    }

    /**
     * Jetty logs a port it cannot bind through SLF4J and goes on without listening, which would leave a runtime that
     * looks started and answers nothing. So the launcher's activator ({@link QuietStart}) tries the port first: if it
     * is taken, RevOS says so and exits with status 1 before any component starts.
     *
     * @return why the port cannot be used, or empty when it is free
     */
    static java.util.Optional<String> takenPort(String host, int port) {
        if (port == 0) {
            return java.util.Optional.empty(); // an ephemeral port, as the OSGi integration tests use, is always free
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
            return java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.of("RevOS cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "). Another program, or another RevOS, is using it: stop that, or choose a free port with"
                    + " REVOS_HTTP_PORT (for example REVOS_HTTP_PORT=8081).");
        }
    }

    /** Writes only when something changed, so a restart does not restart Jetty for nothing. */
    private static void update(Configuration configuration, Dictionary<String, Object> wanted) throws IOException {
        configuration.updateIfDifferent(wanted);
    }
}
