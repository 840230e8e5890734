package org.revos.integration.csv.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A format's columns for one object: source column → RevOS field, in export order. Several columns may feed one field
 * (HubSpot's "First Name" and "Last Name" make a contact's {@code name}): on import their non-empty cells are joined
 * with a space, on export the value is split at its first space.
 */
final class ColumnMap {

    private final Map<String, String> fieldByColumn;

    ColumnMap(Map<String, String> fieldByColumn) {
        this.fieldByColumn = new LinkedHashMap<>(fieldByColumn);
    }

    /** An empty map: every column is read as the field of its own name (the native format). */
    static ColumnMap identity() {
        return new ColumnMap(Map.of());
    }

    boolean isIdentity() {
        return fieldByColumn.isEmpty();
    }

    Map<String, String> asMap() {
        return Map.copyOf(fieldByColumn);
    }

    /** @return this map with {@code overrides} replacing or adding columns; an empty field ignores the column */
    ColumnMap with(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(fieldByColumn);
        overrides.forEach((column, field) -> {
            merged.keySet().removeIf(c -> key(c).equals(key(column)));
            merged.put(column, field == null ? "" : field);
        });
        return new ColumnMap(merged);
    }

    /** @return the field a header column feeds, {@code null} when the column is not imported */
    String fieldOf(String column, boolean identityFallback) {
        for (Map.Entry<String, String> e : fieldByColumn.entrySet()) {
            if (key(e.getKey()).equals(key(column))) {
                return e.getValue().isEmpty() ? null : e.getValue();
            }
        }
        return identityFallback && !column.isBlank() ? column.trim() : null;
    }

    /** @return the export header: the columns whose field the export carries */
    List<String> exportColumns(List<String> fields) {
        if (isIdentity()) {
            return fields;
        }
        List<String> out = new ArrayList<>();
        fieldByColumn.forEach((column, field) -> {
            if (fields.contains(field)) {
                out.add(column);
            }
        });
        return out;
    }

    /** @return the cells of one exported row, in {@link #exportColumns} order */
    List<String> exportCells(List<String> fields, Map<String, String> row) {
        if (isIdentity()) {
            List<String> out = new ArrayList<>(fields.size());
            fields.forEach(f -> out.add(row.get(f)));
            return out;
        }
        List<String> out = new ArrayList<>();
        Map<String, Integer> used = new LinkedHashMap<>();
        fieldByColumn.forEach((column, field) -> {
            if (fields.contains(field)) {
                int part = used.merge(field, 1, Integer::sum) - 1;
                out.add(part(row.get(field), part, columnsOf(field)));
            }
        });
        return out;
    }

    private int columnsOf(String field) {
        return (int) fieldByColumn.values().stream().filter(field::equals).count();
    }

    /** Part {@code index} of {@code count} of a value split at its first space; the last part takes the rest. */
    private static String part(String value, int index, int count) {
        if (count == 1 || value == null) {
            return index == 0 ? value : null;
        }
        String[] parts = value.split(" ", count);
        return index < parts.length ? parts[index] : "";
    }

    private static String key(String column) {
        return column.trim().toLowerCase(Locale.ROOT);
    }
}
