package org.revos.integration.csv.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.revos.api.spi.ImportReader;
import org.revos.api.spi.ImportRow;

/**
 * Streams rows of an RFC 4180 CSV source (quoted commas, quotes and line breaks in cells, CRLF or LF) in UTF-8 with or
 * without a byte-order mark. The first record is the header; blank lines, and lines of nothing but separators, are
 * skipped; a row with more or fewer cells than the header is reported, not guessed at. Each row carries the physical
 * line it starts on.
 */
final class CsvRowReader implements ImportReader {

    /** Empty lines are records here, so every record knows where it starts; {@link #isBlank} skips them. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).build();

    private final LineCountingReader lines;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final String[] fieldOfColumn;
    private final List<String> ignored = new ArrayList<>();
    private final Map<String, String> used = new LinkedHashMap<>();
    private final boolean normalize;

    CsvRowReader(InputStream source, ColumnMap columns, boolean normalize) throws IOException {
        this.lines = new LineCountingReader(new BufferedReader(new InputStreamReader(withoutBom(source),
                StandardCharsets.UTF_8), 1 << 16));
        this.parser = new CSVParser(lines, FORMAT);
        this.records = parser.iterator();
        this.normalize = normalize;
        if (!records.hasNext()) {
            parser.close();
            throw new IOException("The source is empty: a CSV import needs a header line");
        }
        header = records.next().toList();
        fieldOfColumn = new String[header.size()];
        for (int i = 0; i < header.size(); i++) {
            fieldOfColumn[i] = columns.fieldOf(header.get(i), columns.isIdentity());
            if (fieldOfColumn[i] == null && !header.get(i).isBlank()) {
                ignored.add(header.get(i));
            } else if (fieldOfColumn[i] != null) {
                used.put(header.get(i), fieldOfColumn[i]);
            }
        }
    }

    @Override
    public List<ImportRow> next(int max) throws IOException {
        List<ImportRow> out = new ArrayList<>(Math.min(max, 1024));
        try {
            while (out.size() < max && records.hasNext()) {
                CSVRecord record = records.next();
                long line = lines.lineAt(record.getCharacterPosition());
                if (isBlank(record)) {
                    continue;
                }
                out.add(row(record, line));
            }
        } catch (UncheckedIOException e) {
            throw new IOException("The source cannot be read past line " + lines.lineAt(Long.MAX_VALUE - 1)
                    + ": " + e.getCause().getMessage(), e.getCause());
        }
        return out;
    }

    private ImportRow row(CSVRecord record, long line) {
        if (record.size() != header.size()) {
            return new ImportRow(line, Map.of(), List.of("has " + record.size() + " cells; the header has "
                    + header.size() + " (a cell with a comma, quote or line break must be quoted)"));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String field = fieldOfColumn[i];
            if (field == null) {
                continue;
            }
            String value = record.get(i);
            if (normalize) {
                value = CrmValues.normalize(field, value);
            }
            String before = fields.get(field);
            fields.put(field, before == null || before.isEmpty() ? value
                    : value.isEmpty() ? before : before + " " + value);
        }
        return new ImportRow(line, fields);
    }

    private static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public List<String> ignoredColumns() {
        return List.copyOf(ignored);
    }

    @Override
    public Map<String, String> usedColumns() {
        return java.util.Collections.unmodifiableMap(used);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static InputStream withoutBom(InputStream in) throws IOException {
        java.io.PushbackInputStream p = new java.io.PushbackInputStream(new java.io.BufferedInputStream(in, 1 << 16),
                3);
        byte[] head = new byte[3];
        int n = p.readNBytes(head, 0, 3);
        boolean bom = n == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        if (!bom && n > 0) {
            p.unread(head, 0, n);
        }
        return p;
    }
}
