package org.revos.api.spi;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/** One export being written. {@link #close()} flushes what is buffered but does not close the target. */
@ConsumerType
public interface ExportWriter extends Closeable {

    /**
     * @param rows field values by RevOS field name, as text in the form the native format uses (money in major
     *             units, ISO-8601 instants and dates, custom properties as a JSON object); {@code null} for no value
     */
    void write(List<Map<String, String>> rows) throws IOException;
}
