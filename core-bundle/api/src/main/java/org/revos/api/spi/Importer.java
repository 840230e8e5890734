package org.revos.api.spi;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;

import org.osgi.annotation.versioning.ConsumerType;
import org.revos.api.model.ObjectType;

/** Reads objects of a source format (a CRM's CSV export, say) into rows the runtime validates and writes. */
@ConsumerType
public interface Importer {

    /** @return the format name, as {@code ?format=} selects it */
    String format();

    /** @return whether this importer reads objects of {@code type} */
    boolean supports(ObjectType type);

    /** @throws IOException when the source cannot be read; a bad row is reported by the runtime, not thrown */
    Stream<ImportRow> read(ObjectType type, InputStream source) throws IOException;
}
