package org.revos.api.spi;

import java.util.List;
import java.util.Map;

/**
 * One row read by an importer, already mapped to RevOS field names.
 *
 * @param line     physical line number in the source where the row starts (the header is line 1)
 * @param fields   field values by RevOS field name, as text; an empty cell is an empty string
 * @param problems what made the row unreadable (a wrong number of cells, say); empty for a readable row
 */
public record ImportRow(long line, Map<String, String> fields, List<String> problems) {
    public ImportRow {
        fields = Map.copyOf(fields);
        problems = List.copyOf(problems);
    }

    /** A readable row. */
    public ImportRow(long line, Map<String, String> fields) {
        this(line, fields, List.of());
    }
}
