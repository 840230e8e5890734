package org.revos.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/** What the exported runtime jar says about how it launches. */
public final class RuntimeJar {

    /** The bnd launcher settings that bear on start-up time. */
    static final List<String> START_UP_KEYS = List.of("launch.keep", "launch.embedded", "launch.activation.eager");

    private RuntimeJar() {
    }

    /** @return the {@link #START_UP_KEYS} the jar's {@code launcher.properties} sets, in that order */
    public static Map<String, String> launcherProperties(Path jar) throws IOException {
        Map<String, String> result = new LinkedHashMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            ZipEntry entry = file.getEntry("launcher.properties");
            if (entry == null) {
                return result;
            }
            Properties properties = new Properties();
            try (InputStream in = file.getInputStream(entry)) {
                properties.load(in);
            }
            for (String key : START_UP_KEYS) {
                String value = properties.getProperty(key);
                if (value != null) {
                    result.put(key, value);
                }
            }
            String bundles = properties.getProperty("launch.bundles");
            if (bundles != null) {
                result.put("bundles", Integer.toString(bundles.split(",").length));
            }
        }
        return result;
    }
}
