package org.revos.api.spi;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/** The rows of one source being read, in source order. */
@ConsumerType
public interface ImportReader extends Closeable {

    /**
     * @param max the most rows to answer
     * @return the next rows, at most {@code max}; empty once the source is exhausted. Blank lines are no rows.
     * @throws IOException when the source cannot be read further
     */
    List<ImportRow> next(int max) throws IOException;

    /** @return the source columns the mapping does not use (they are not imported), known once the header is read */
    List<String> ignoredColumns();

    /**
     * @return the source columns the mapping uses, each with the RevOS field it feeds, in source order; known once
     *         the header is read. Empty when the reader cannot tell (readers written before 1.1).
     * @since 1.1
     */
    default Map<String, String> usedColumns() {
        return Map.of();
    }
}
