package org.revos.api.spi;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.revos.api.model.ObjectType;

/**
 * Writes objects in a target format that the {@link Importer} of the same format reads back. The runtime calls
 * {@link #open} and each {@link ExportWriter#write} through its plugin gateway, one bounded batch at a time, and
 * copies what was written to the client between calls: a writer never waits on the network.
 */
@ConsumerType
public interface Exporter {

    /** @return the format name, as {@code ?format=} selects it */
    String format();

    /** @return whether this exporter writes objects of {@code type} */
    boolean supports(ObjectType type);

    /**
     * Starts an export; a header, if the format has one, is written here.
     *
     * @param fields the RevOS field names every row carries, in the native order ({@code id}, {@code externalId},
     *               then the object's fields)
     */
    ExportWriter open(ObjectType type, List<String> fields, OutputStream target) throws IOException;
}
