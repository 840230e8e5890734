package org.revos.api.spi;

import java.util.Map;

/**
 * One row read by an importer, already mapped to RevOS field names.
 *
 * @param line   physical line number in the source (the header is line 1)
 * @param fields field values by RevOS field name, as text
 */
public record ImportRow(long line, Map<String, String> fields) {
    public ImportRow {
        fields = Map.copyOf(fields);
    }
}
