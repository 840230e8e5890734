package org.revos.runtime.internal.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The plugins and engines the distribution ships. They are not run bundles: their jars travel with the runtime and
 * are seeded into the plugin store at first start ({@link ShippedSeeds}), after which they are ordinary plugins that
 * can be updated, downgraded, removed and restored to the shipped version.
 * <p>
 * The framework property {@value #PROPERTY} lists the jars, comma-separated: an absolute path names a file (the OSGi
 * integration tests point at the built jars), any other entry names a resource of the class path the runtime was
 * launched from (the runnable jar carries them under {@code shipped/}).
 */
@Component(service = ShippedPlugins.class)
public final class ShippedPlugins {

    /** The framework property that lists the shipped jars. */
    public static final String PROPERTY = "revos.shipped";

    private final List<String> locations;

    @Activate
    public ShippedPlugins(BundleContext context) {
        this(parse(context.getProperty(PROPERTY)));
    }

    ShippedPlugins(List<String> locations) {
        this.locations = List.copyOf(locations);
    }

    static List<String> parse(String property) {
        List<String> locations = new ArrayList<>();
        if (property != null) {
            for (String entry : property.split(",")) {
                if (!entry.isBlank()) {
                    locations.add(entry.trim());
                }
            }
        }
        return locations;
    }

    /**
     * @return every shipped plugin, read afresh
     * @throws UncheckedIOException when a listed jar cannot be read: the distribution is broken
     */
    public List<PluginJar> all() {
        List<PluginJar> jars = new ArrayList<>();
        for (String location : locations) {
            jars.add(PluginJar.read(read(location)));
        }
        return jars;
    }

    /** @return the shipped version of plugin {@code id}, if the distribution ships it */
    public Optional<PluginJar> find(String id) {
        return all().stream().filter(j -> j.id().equals(id)).findFirst();
    }

    private static byte[] read(String location) {
        try {
            Path file = Path.of(location);
            if (file.isAbsolute()) {
                return Files.readAllBytes(file);
            }
            try (InputStream in = ClassLoader.getSystemClassLoader().getResourceAsStream(location)) {
                if (in == null) {
                    throw new IOException("the runtime's class path has no " + location);
                }
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Shipped plugin " + location + " cannot be read (" + PROPERTY + "): "
                    + e.getMessage(), e);
        }
    }
}
