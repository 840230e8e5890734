package org.revos.api.spi;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;
import org.revos.api.model.ObjectType;

/**
 * Reads objects of a source format (RevOS's native CSV, a CRM's CSV export) into rows of RevOS field names. The
 * runtime validates and writes the rows; an importer only reads and maps. The runtime calls {@link #open} and each
 * {@link ImportReader#next} through its plugin gateway, one bounded batch at a time, so a reader must stream: it
 * never holds more than one batch of the source in memory.
 */
@ConsumerType
public interface Importer {

    /** @return the format name, as {@code ?format=} selects it ({@code native}, {@code hubspot}, ...) */
    String format();

    /** @return whether this importer reads objects of {@code type} */
    boolean supports(ObjectType type);

    /**
     * @return the format's default column mapping for {@code type}: source column header → RevOS field name
     *         ({@code id}, {@code externalId} or a field of the object)
     */
    Map<String, String> columns(ObjectType type);

    /**
     * Starts reading a source. The reader owns {@code source} and closes it.
     *
     * @param overrides source column header → RevOS field name, replacing or adding to {@link #columns}; an empty
     *                  field name ignores the column
     * @throws IOException when the source cannot be read at all (no header, say); a bad row is reported through
     *                     {@link ImportRow#problems()}, not thrown
     */
    ImportReader open(ObjectType type, InputStream source, Map<String, String> overrides) throws IOException;
}
