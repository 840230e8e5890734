package org.revos.api.query;

import java.util.Map;
import java.util.Set;

import org.revos.api.model.ObjectType;

/**
 * Leads, deals or accounts of a tenant as columns: object {@code i} has an id, a creation instant, an ARR (deals) and
 * the values of the dimensions KPIs are sliced by ({@link Facts#DIMENSIONS}, except {@code team}, which follows the
 * owner's team history).
 */
public final class ObjectTable {

    private final ObjectType type;
    private final String[] ids;
    private final long[] createdAt;
    private final long[] arrCents;
    private final Map<String, String[]> dimensions;
    private final Map<String, Integer> index;

    ObjectTable(ObjectType type, String[] ids, long[] createdAt, long[] arrCents, Map<String, String[]> dimensions,
            Map<String, Integer> index) {
        this.type = type;
        this.ids = ids;
        this.createdAt = createdAt;
        this.arrCents = arrCents;
        this.dimensions = Map.copyOf(dimensions);
        this.index = index;
    }

    public ObjectType type() {
        return type;
    }

    public int size() {
        return ids.length;
    }

    public String id(int i) {
        return ids[i];
    }

    /** @return the index of an object id, -1 when absent */
    public int indexOf(String id) {
        return index.getOrDefault(id, -1);
    }

    /** @return when object {@code i} was created, epoch milliseconds */
    public long createdAt(int i) {
        return createdAt[i];
    }

    /** @return the ARR of deal {@code i} in minor units (0 for leads and accounts) */
    public long arrCents(int i) {
        return arrCents[i];
    }

    /** @return the value of a dimension for object {@code i}, {@code null} when unset */
    public String dimension(String name, int i) {
        String[] column = dimensions.get(name);
        return column == null ? null : column[i];
    }

    /** @return the dimensions these objects carry */
    public Set<String> dimensions() {
        return dimensions.keySet();
    }

    String[] column(String name) {
        return dimensions.get(name);
    }
}
