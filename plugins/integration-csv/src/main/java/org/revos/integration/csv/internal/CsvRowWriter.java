package org.revos.integration.csv.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.revos.api.spi.ExportWriter;

/** Writes RFC 4180 CSV in UTF-8 without a byte-order mark: a header, then one record per object. */
final class CsvRowWriter implements ExportWriter {

    private final Writer out;
    private final CSVPrinter printer;
    private final ColumnMap columns;
    private final List<String> fields;

    CsvRowWriter(OutputStream target, ColumnMap columns, List<String> fields) throws IOException {
        this.out = new OutputStreamWriter(target, StandardCharsets.UTF_8);
        this.columns = columns;
        this.fields = List.copyOf(fields);
        this.printer = new CSVPrinter(out, CSVFormat.RFC4180);
        printer.printRecord(columns.exportColumns(this.fields));
        printer.flush();
    }

    @Override
    public void write(List<Map<String, String>> rows) throws IOException {
        for (Map<String, String> row : rows) {
            printer.printRecord(columns.exportCells(fields, row));
        }
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.flush();
    }
}
