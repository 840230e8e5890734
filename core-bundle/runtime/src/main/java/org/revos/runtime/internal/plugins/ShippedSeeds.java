package org.revos.runtime.internal.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.revos.kernel.spi.Problem;

/**
 * Puts the shipped plugins into the plugin store, so that the start-up restore installs them like any other plugin.
 * <ul>
 * <li>A shipped plugin never seeded before (first start, a data folder of a runtime that ran them as run bundles, or
 * a plugin new in this distribution) is stored with origin {@value PluginInstaller#SHIPPED}, unless an admin
 * already installed a plugin of that id.</li>
 * <li>One seeded before and still stored as shipped follows the distribution: a newer (or rebuilt) shipped jar
 * replaces it; an older one does not.</li>
 * <li>One an admin removed stays removed, and one an admin updated or downgraded keeps the admin's version; the
 * restore operation brings the shipped version back.</li>
 * </ul>
 */
final class ShippedSeeds {

    private ShippedSeeds() {
    }

    /** @return what was stored, one sentence per plugin */
    static List<String> seed(PluginStorage storage, List<PluginJar> shipped) throws IOException {
        Set<String> seeded = new TreeSet<>(storage.seeded());
        Map<String, PluginStorage.Stored> stored = storage.list().stream()
                .collect(Collectors.toMap(PluginStorage.Stored::id, Function.identity()));
        List<String> done = new ArrayList<>();
        for (PluginJar jar : shipped) {
            PluginStorage.Stored current = stored.get(jar.id());
            if (!seeded.contains(jar.id())) {
                if (current == null) {
                    storage.save(jar.id(), jar.bytes(), PluginInstaller.SHIPPED);
                    done.add("seeded " + jar.label());
                }
            } else if (current != null && PluginInstaller.SHIPPED.equals(current.origin()) && replaces(jar, current)) {
                storage.save(jar.id(), jar.bytes(), PluginInstaller.SHIPPED);
                done.add("updated the stored shipped plugin to " + jar.label());
            }
            seeded.add(jar.id());
        }
        storage.recordSeeded(seeded);
        return done;
    }

    private static boolean replaces(PluginJar shipped, PluginStorage.Stored current) throws IOException {
        PluginJar stored;
        try {
            stored = PluginJar.read(Files.readAllBytes(current.jar()));
        } catch (Problem unreadable) {
            return true;
        }
        return !stored.sha256().equals(shipped.sha256()) && shipped.version().compareTo(stored.version()) >= 0;
    }
}
