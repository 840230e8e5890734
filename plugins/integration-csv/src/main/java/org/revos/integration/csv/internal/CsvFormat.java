package org.revos.integration.csv.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.revos.api.model.ObjectType;
import org.revos.api.spi.ExportWriter;
import org.revos.api.spi.Exporter;
import org.revos.api.spi.ImportReader;
import org.revos.api.spi.Importer;

/**
 * One CSV format: its name, the objects it covers and their columns. The native format uses RevOS field names as
 * columns; a CRM format maps its export headers to fields and normalises its values.
 */
abstract class CsvFormat implements Importer, Exporter {

    private final String name;
    private final Map<ObjectType, ColumnMap> columns;
    private final Set<ObjectType> objects;

    CsvFormat(String name, Map<ObjectType, ColumnMap> columns, Set<ObjectType> objects) {
        this.name = name;
        this.columns = Map.copyOf(columns);
        this.objects = Set.copyOf(objects);
    }

    @Override
    public String format() {
        return name;
    }

    @Override
    public boolean supports(ObjectType type) {
        return objects.contains(type);
    }

    @Override
    public Map<String, String> columns(ObjectType type) {
        return columnsOf(type).asMap();
    }

    @Override
    public ImportReader open(ObjectType type, InputStream source, Map<String, String> overrides) throws IOException {
        try {
            return new CsvRowReader(source, columnsOf(type).with(overrides), !columnsOf(type).isIdentity());
        } catch (IOException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    @Override
    public ExportWriter open(ObjectType type, List<String> fields, OutputStream target) throws IOException {
        return new CsvRowWriter(target, columnsOf(type), fields);
    }

    private ColumnMap columnsOf(ObjectType type) {
        if (!supports(type)) {
            throw new IllegalArgumentException("The " + name + " CSV format has no columns for " + type);
        }
        return columns.getOrDefault(type, ColumnMap.identity());
    }
}
