package org.revos.runtime.internal.integration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.revos.api.model.ObjectType;
import org.revos.api.spi.ImportReader;
import org.revos.api.spi.ImportRow;
import org.revos.api.spi.Importer;
import org.revos.runtime.internal.gateway.PluginCallFailed;
import org.revos.runtime.internal.gateway.PluginGateway;
import org.revos.runtime.internal.plugins.PluginServices.Contribution;

/**
 * A spooled source read through its importer plugin, one gateway call per batch: a slow or broken importer fails the
 * import, never the runtime.
 */
final class ImportSource implements AutoCloseable {

    private final PluginGateway gateway;
    private final Contribution<Importer> importer;
    private final String tenantId;
    private final ImportReader reader;

    ImportSource(PluginGateway gateway, Contribution<Importer> importer, String tenantId, ObjectType type, Path file,
            Map<String, String> overrides) throws PluginCallFailed {
        this.gateway = gateway;
        this.importer = importer;
        this.tenantId = tenantId;
        this.reader = gateway.call(importer.pluginId(), tenantId, "import open",
                () -> importer.service().open(type, Files.newInputStream(file), overrides));
    }

    /** @return the next rows, empty at the end */
    List<ImportRow> next(int max) throws PluginCallFailed {
        List<ImportRow> rows = gateway.call(importer.pluginId(), tenantId, "import read", () -> reader.next(max));
        return rows == null ? List.of() : rows;
    }

    List<String> ignoredColumns() throws PluginCallFailed {
        return gateway.call(importer.pluginId(), tenantId, "import columns", reader::ignoredColumns);
    }

    @Override
    public void close() {
        try {
            gateway.call(importer.pluginId(), tenantId, "import close", () -> {
                reader.close();
                return null;
            });
        } catch (PluginCallFailed ignored) {
            // the file handle goes with the reader; nothing else to undo
        }
    }

    /** Deletes a spooled source. */
    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            java.util.logging.Logger.getLogger(ImportSource.class.getName()).warning("Could not delete " + file
                    + ": " + e);
        }
    }
}
