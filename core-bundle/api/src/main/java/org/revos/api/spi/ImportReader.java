package org.revos.api.spi;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

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
}
