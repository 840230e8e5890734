package org.revos.api.spi;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.stream.Stream;

import org.osgi.annotation.versioning.ConsumerType;
import org.revos.api.model.ObjectType;

/** Writes objects in a target format that the importer of the same format reads back. */
@ConsumerType
public interface Exporter {

    String format();

    boolean supports(ObjectType type);

    /** @param rows field values by RevOS field name */
    void write(ObjectType type, Stream<Map<String, Object>> rows, OutputStream target) throws IOException;
}
