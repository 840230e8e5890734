package org.revos.runtime.internal.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.revos.kernel.spi.SnapshotSeals;
import org.revos.runtime.internal.settings.Settings;

/** The kernel's {@link Store} seals and the data folder, as engines see them through the engine SPI. */
@Component(service = SnapshotSeals.class)
public final class EngineSeals implements SnapshotSeals {

    private final Store store;
    private final Path dataDir;

    @Activate
    public EngineSeals(@Reference Store store, @Reference Settings settings) {
        this(store, settings.current().dataDir());
    }

    /** Seals over {@code store}, engine folders under {@code dataDir} (tools, tests). */
    public EngineSeals(Store store, Path dataDir) {
        this.store = store;
        this.dataDir = dataDir;
    }

    @Override
    public boolean seal(String tenantId, long commit, String token) {
        return store.seal(tenantId, commit, token);
    }

    @Override
    public Optional<String> seal(String tenantId) {
        return store.sealOf(tenantId);
    }

    @Override
    public Path folder(String name) {
        if (!name.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("An engine folder is named by lower-case letters, digits and dashes");
        }
        Path folder = dataDir.resolve(name);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + folder, e);
        }
        return folder;
    }
}
