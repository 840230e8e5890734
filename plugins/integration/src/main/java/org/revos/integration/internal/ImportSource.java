package org.revos.integration.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.revos.api.model.ObjectType;
import org.revos.api.spi.ImportReader;
import org.revos.api.spi.ImportRow;
import org.revos.api.spi.Importer;
import org.revos.kernel.spi.Contributions.Contribution;
import org.revos.kernel.spi.PluginCallFailed;
import org.revos.kernel.spi.PluginCalls;

/**
 * A spooled source read through its importer plugin, one gateway call per batch: a slow or broken importer fails the
 * import, never the runtime.
 */
final class ImportSource implements AutoCloseable {

    private final PluginCalls gateway;
    private final Contribution<Importer> importer;
    private final String tenantId;
    private final ImportReader reader;
    private final UnaryOperator<ImportRow> translation;

    /** A spooled source read as the importer maps it, its values unmapped (a sync's). */
    ImportSource(PluginCalls gateway, Contribution<Importer> importer, String tenantId, ObjectType type, Path file,
            Map<String, String> overrides) throws PluginCallFailed {
        this(gateway, importer, tenantId, type, file, overrides, UnaryOperator.identity());
    }

    /** @param translation what the rows' source values become (the value mappings) */
    ImportSource(PluginCalls gateway, Contribution<Importer> importer, String tenantId, ObjectType type, Path file,
            Map<String, String> overrides, UnaryOperator<ImportRow> translation) throws PluginCallFailed {
        this(gateway, importer, tenantId, type, Files::newInputStream, file, overrides, translation);
    }

    private <S> ImportSource(PluginCalls gateway, Contribution<Importer> importer, String tenantId, ObjectType type,
            Opener<S> opener, S source, Map<String, String> overrides, UnaryOperator<ImportRow> translation)
            throws PluginCallFailed {
        this.gateway = gateway;
        this.importer = importer;
        this.tenantId = tenantId;
        this.translation = translation;
        this.reader = gateway.call(importer.pluginId(), tenantId, "import open",
                () -> importer.service().open(type, opener.open(source), overrides));
    }

    /** A source read straight from a stream (a dry run's request body), which the reader closes. */
    static ImportSource of(PluginCalls gateway, Contribution<Importer> importer, String tenantId, ObjectType type,
            InputStream body, Map<String, String> overrides, UnaryOperator<ImportRow> translation)
            throws PluginCallFailed {
        return new ImportSource(gateway, importer, tenantId, type, in -> in, body, overrides, translation);
    }

    /** @return the next rows, their values mapped; empty at the end */
    List<ImportRow> next(int max) throws PluginCallFailed {
        List<ImportRow> rows = gateway.call(importer.pluginId(), tenantId, "import read", () -> reader.next(max));
        return rows == null ? List.of() : rows.stream().map(translation).toList();
    }

    /** @return the source columns read, each with the field it feeds */
    Map<String, String> usedColumns() throws PluginCallFailed {
        return gateway.call(importer.pluginId(), tenantId, "import columns", reader::usedColumns);
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

    private interface Opener<S> {
        InputStream open(S source) throws IOException;
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
