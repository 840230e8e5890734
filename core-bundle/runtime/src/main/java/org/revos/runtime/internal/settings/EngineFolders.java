package org.revos.runtime.internal.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.revos.kernel.spi.EngineFiles;

/**
 * The engine SPI's {@link EngineFiles}: folders directly under the data folder ({@code REVOS_DATA_DIR}), where the
 * kernel kept them before the engines left it ({@code imports} for spooled import bodies), so files written by an
 * earlier version are found again.
 */
@Component(service = EngineFiles.class)
public final class EngineFolders implements EngineFiles {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    /** the kernel's own folders of the data folder: the database, the plugin store, the tenants' files */
    static final java.util.Set<String> KERNEL_FOLDERS = java.util.Set.of("db", "plugins", "tenants");

    private final java.util.function.Supplier<Path> dataDir;

    @Activate
    public EngineFolders(@Reference Settings settings) {
        this.dataDir = () -> settings.current().dataDir();
    }

    private EngineFolders(Path dataDir) {
        this.dataDir = () -> dataDir;
    }

    /** @return engine folders under {@code dataDir} (tools, tests) */
    public static EngineFolders under(Path dataDir) {
        return new EngineFolders(dataDir);
    }

    @Override
    public Path folder(String name) throws IOException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a folder name: use lower-case letters, digits"
                    + " and dashes");
        }
        if (KERNEL_FOLDERS.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is the kernel's own folder of the data folder; an"
                    + " engine names one of its own");
        }
        return Files.createDirectories(dataDir.get().resolve(name));
    }
}
