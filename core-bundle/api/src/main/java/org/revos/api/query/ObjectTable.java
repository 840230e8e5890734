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
    private final int size;

    /**
     * @param index ids to rows; it may be shared with the snapshot that follows this one, which only adds ids at rows
     *              past {@code size}, so ids of rows at or past {@code size} are not this table's
     */
    ObjectTable(ObjectType type, String[] ids, long[] createdAt, long[] arrCents, Map<String, String[]> dimensions,
            Map<String, Integer> index, int size) {
        this.type = type;
        this.ids = ids;
        this.createdAt = createdAt;
        this.arrCents = arrCents;
        this.dimensions = Map.copyOf(dimensions);
        this.index = index;
        this.size = size;
    }

    public ObjectType type() {
        return type;
    }

    public int size() {
        return size;
    }

    public String id(int i) {
        return ids[i];
    }

    /** @return the index of an object id, -1 when absent */
    public int indexOf(String id) {
        Integer i = index.get(id);
        return i == null || i >= size ? -1 : i;
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

    Map<String, Integer> index() {
        return index;
    }

    String[] ids() {
        return ids;
    }

    long[] createdAt() {
        return createdAt;
    }

    long[] arrCents() {
        return arrCents;
    }
}
