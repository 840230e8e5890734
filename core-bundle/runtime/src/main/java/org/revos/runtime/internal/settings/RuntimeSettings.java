package org.revos.runtime.internal.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.revos.runtime.internal.net.AddressBlock;

/**
 * The runtime's start-up configuration, read from environment variables ({@code REVOS_HTTP_PORT}) or system
 * properties of the same name in lower-case dotted form ({@code revos.http.port}); a system property wins.
 */
public record RuntimeSettings(String httpHost, int httpPort, int httpIdleTimeoutSeconds, Path dataDir, Path deployDir,
        Optional<String> adminKey, Optional<String> dbUrl, Optional<String> dbUser, Optional<String> dbPassword,
        List<AddressBlock> outboundAllow) {

    public static final String HTTP_HOST = "REVOS_HTTP_HOST";
    public static final String HTTP_PORT = "REVOS_HTTP_PORT";
    public static final String HTTP_IDLE_TIMEOUT = "REVOS_HTTP_IDLE_TIMEOUT";
    public static final String DATA_DIR = "REVOS_DATA_DIR";
    public static final String DEPLOY_DIR = "REVOS_DEPLOY_DIR";
    public static final String ADMIN_KEY = "REVOS_ADMIN_KEY";
    public static final String DB_URL = "REVOS_DB_URL";
    public static final String DB_USER = "REVOS_DB_USER";
    public static final String DB_PASSWORD = "REVOS_DB_PASSWORD";
    /** addresses and CIDR blocks the runtime may call on a tenant's behalf although they are private or its own */
    public static final String OUTBOUND_ALLOW = "REVOS_OUTBOUND_ALLOW";

    /** What every API key starts with; the runtime refuses others before looking them up. */
    public static final String KEY_PREFIX = "rvs_";

    public RuntimeSettings {
        outboundAllow = List.copyOf(outboundAllow);
    }

    /**
     * @throws IllegalArgumentException naming every invalid setting
     */
    public static RuntimeSettings from(Map<String, String> env, Properties system) {
        List<String> problems = new ArrayList<>();
        String host = value(env, system, HTTP_HOST).orElse("127.0.0.1");
        int port = 8080;
        Optional<String> portText = value(env, system, HTTP_PORT);
        if (portText.isPresent()) {
            try {
                port = Integer.parseInt(portText.get().trim());
                if (port < 0 || port > 65535) {
                    problems.add(HTTP_PORT + " must be a port number from 0 to 65535, not " + portText.get());
                }
            } catch (NumberFormatException e) {
                problems.add(HTTP_PORT + " must be a port number, not '" + portText.get() + "'");
            }
        }
        int idleTimeout = 60;
        Optional<String> idleText = value(env, system, HTTP_IDLE_TIMEOUT);
        if (idleText.isPresent()) {
            try {
                idleTimeout = Integer.parseInt(idleText.get().trim());
            } catch (NumberFormatException e) {
                idleTimeout = 0;
            }
            if (idleTimeout < 1 || idleTimeout > 3600) {
                problems.add(HTTP_IDLE_TIMEOUT + " must be a number of seconds from 1 to 3600, not '"
                        + idleText.get() + "'");
            }
        }
        Path data = Path.of(value(env, system, DATA_DIR).orElse("data")).toAbsolutePath().normalize();
        Path deploy = Path.of(value(env, system, DEPLOY_DIR).orElse("deploy")).toAbsolutePath().normalize();
        Optional<String> adminKey = value(env, system, ADMIN_KEY);
        if (adminKey.isPresent() && !adminKey.get().startsWith(KEY_PREFIX)) {
            problems.add(ADMIN_KEY + " must start with " + KEY_PREFIX + ", as every RevOS API key does (for example "
                    + KEY_PREFIX + "my-own-long-secret-key)");
        }
        if (adminKey.isPresent() && adminKey.get().length() < 24) {
            problems.add(ADMIN_KEY + " must be at least 24 characters long");
        }
        List<AddressBlock> allow = new ArrayList<>();
        for (String entry : value(env, system, OUTBOUND_ALLOW).orElse("").split("[,\\s]+")) {
            if (!entry.isEmpty()) {
                try {
                    allow.add(AddressBlock.parse(entry));
                } catch (IllegalArgumentException e) {
                    problems.add(OUTBOUND_ALLOW + ": " + e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid RevOS settings: " + String.join("; ", problems));
        }
        return new RuntimeSettings(host, port, idleTimeout, data, deploy, adminKey, value(env, system, DB_URL),
                value(env, system, DB_USER), value(env, system, DB_PASSWORD), allow);
    }

    /** @return the system-property name of an environment variable: {@code REVOS_HTTP_PORT} → {@code revos.http.port} */
    public static String propertyName(String variable) {
        return variable.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static Optional<String> value(Map<String, String> env, Properties system, String variable) {
        String v = system.getProperty(propertyName(variable));
        if (v == null || v.isBlank()) {
            v = env.get(variable);
        }
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /** Secrets never reach logs: the admin key and database password are redacted. */
    @Override
    public String toString() {
        return "RuntimeSettings[http=" + httpHost + ":" + httpPort + ", dataDir=" + dataDir + ", deployDir=" + deployDir
                + ", adminKey=" + (adminKey.isPresent() ? "(set)" : "(generated)") + ", db="
                + dbUrl.orElse("embedded Derby") + ", outboundAllow=" + outboundAllow + "]";
    }

    /** @return the embedded Derby database folder */
    public Path derbyDir() {
        return dataDir.resolve("db");
    }
}
