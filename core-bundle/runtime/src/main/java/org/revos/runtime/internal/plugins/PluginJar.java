package org.revos.runtime.internal.plugins;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.Problem;

/**
 * A jar offered as a plugin, checked on its own: an OSGi bundle (manifest version 2) with a usable symbolic name and
 * version, the {@value #PLUGIN_HEADER} header, not a fragment, not a singleton and not one of the core bundles.
 * Whether it fits the running framework is decided later, by resolving it.
 *
 * @param id      the bundle symbolic name, which is the plugin's id
 * @param sha256  lower-case hex SHA-256 of {@code bytes}
 */
public record PluginJar(String id, Version version, String sha256, byte[] bytes) {

    /** The manifest header that marks a bundle as a RevOS plugin. */
    public static final String PLUGIN_HEADER = "RevOS-Plugin";
    /** Symbolic names of the core bundles, which no upload may replace. */
    public static final Set<String> CORE = Set.of("org.revos.api", "org.revos.runtime");

    /** Ids are file names under the data folder too: letters, digits, '_', '.' and '-' only. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,199}");
    private static final String TITLE = "Not an installable RevOS plugin";

    /**
     * @throws Problem 400 when {@code bytes} is not a jar with a manifest; 422 when it unpacks beyond
     *                 {@link JarBounds#DEFAULT}, or listing every reason the manifest is not that of an installable
     *                 plugin
     */
    public static PluginJar read(byte[] bytes) {
        JarBounds.DEFAULT.check(bytes);
        Attributes main = manifest(bytes).getMainAttributes();
        List<FieldError> errors = new ArrayList<>();
        if (!"2".equals(trim(main.getValue(Constants.BUNDLE_MANIFESTVERSION)))) {
            errors.add(new FieldError(Constants.BUNDLE_MANIFESTVERSION, "must be 2: the jar is not an OSGi bundle"));
        }
        String id = null;
        String symbolicName = trim(main.getValue(Constants.BUNDLE_SYMBOLICNAME));
        if (symbolicName == null) {
            errors.add(new FieldError(Constants.BUNDLE_SYMBOLICNAME, "is missing: the jar is not an OSGi bundle"));
        } else {
            String[] clause = symbolicName.split(";");
            id = clause[0].trim();
            if (!ID.matcher(id).matches()) {
                errors.add(new FieldError(Constants.BUNDLE_SYMBOLICNAME, "'" + id + "' is not usable as a plugin id:"
                        + " use letters, digits, '_', '.' and '-', at most 200 characters"));
            } else if (CORE.contains(id)) {
                errors.add(new FieldError(Constants.BUNDLE_SYMBOLICNAME, id + " is a core bundle of RevOS; it is"
                        + " replaced by upgrading the runtime, never as a plugin"));
            }
            for (int i = 1; i < clause.length; i++) {
                String[] directive = clause[i].split(":=", 2);
                if (directive.length == 2 && directive[0].trim().equals(Constants.SINGLETON_DIRECTIVE)
                        && "true".equalsIgnoreCase(directive[1].trim().replace("\"", ""))) {
                    errors.add(new FieldError(Constants.BUNDLE_SYMBOLICNAME, "declares singleton:=true; RevOS"
                            + " starts a new version next to the running one before switching, so a plugin must not"
                            + " be a singleton"));
                }
            }
        }
        Version version = Version.emptyVersion;
        try {
            String text = trim(main.getValue(Constants.BUNDLE_VERSION));
            version = text == null ? Version.emptyVersion : Version.parseVersion(text);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(Constants.BUNDLE_VERSION, "is not an OSGi version such as 1.2.0: "
                    + e.getMessage()));
        }
        if (!"true".equalsIgnoreCase(trim(main.getValue(PLUGIN_HEADER)))) {
            errors.add(new FieldError(PLUGIN_HEADER, "is missing: only bundles built as RevOS plugins (RevOS-Plugin:"
                    + " true, see cnf/plugin.bnd) can be installed"));
        }
        if (main.getValue(Constants.FRAGMENT_HOST) != null) {
            errors.add(new FieldError(Constants.FRAGMENT_HOST, "is set: a plugin cannot be a fragment, because"
                    + " attaching a fragment means refreshing its host"));
        }
        if (!errors.isEmpty()) {
            String who = id == null ? "The jar" : id;
            throw Problem.unprocessable(TITLE, who + " cannot be installed: " + errors.get(0).field() + " "
                    + errors.get(0).message() + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""),
                    errors);
        }
        return new PluginJar(id, version, sha256(bytes), bytes);
    }

    /** @return the jar's symbolic name and version, as messages name it: {@code org.foo 1.2.0} */
    public String label() {
        return id + " " + version;
    }

    private static Manifest manifest(byte[] bytes) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                    return new Manifest(zip);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw Problem.invalid("body", "is not a readable jar file: " + e.getMessage());
        }
        throw Problem.invalid("body", "is not a jar file with a META-INF/MANIFEST.MF; send the plugin's jar");
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
