package org.revos.api.query;

import java.util.List;
import java.util.Map;

/**
 * When leads or deals entered which stage: one row per entry, in time order, held as columns (no object per row) so
 * that a KPI over millions of entries is a scan of primitive arrays. Rows are numbered {@code 0..size()-1}; objects
 * are numbered as in the {@link ObjectTable} of the same {@link Facts}; stages are small integer codes.
 */
public final class StageLog {

    private final long[] at;
    private final int[] object;
    private final int[] stage;
    private final List<String> stageIds;
    private final Map<String, Integer> codes;
    private final int objects;
    private final int size;
    private volatile int[][] byObject;

    /** The columns may be longer than {@code size}; rows past it are not this log's. */
    StageLog(long[] at, int[] object, int[] stage, int size, List<String> stageIds, Map<String, Integer> codes,
            int objects) {
        this.at = at;
        this.object = object;
        this.stage = stage;
        this.stageIds = List.copyOf(stageIds);
        this.codes = Map.copyOf(codes);
        this.objects = objects;
        this.size = size;
    }

    public int size() {
        return size;
    }

    /** @return the instant of row {@code i} in epoch milliseconds */
    public long at(int i) {
        return at[i];
    }

    /** @return the object of row {@code i}, an index into the matching {@link ObjectTable} */
    public int object(int i) {
        return object[i];
    }

    /** @return the code of the stage entered in row {@code i} */
    public int stage(int i) {
        return stage[i];
    }

    /** @return the stage id of a code */
    public String stageId(int code) {
        return stageIds.get(code);
    }

    /** @return the code of a stage id, -1 when no row enters it */
    public int code(String stageId) {
        return codes.getOrDefault(stageId, -1);
    }

    /** @return the first row at or after {@code epochMillis}; {@code size()} when there is none */
    public int firstAtOrAfter(long epochMillis) {
        return Columns.firstAtOrAfter(at, size, epochMillis);
    }

    long[] at() {
        return at;
    }

    int[] objects() {
        return object;
    }

    int[] stages() {
        return stage;
    }

    List<String> stageIds() {
        return stageIds;
    }

    /** @return the rows of one object, oldest first (an index built once per snapshot) */
    public int[] rowsOf(int objectIndex) {
        int[][] index = byObject;
        if (index == null) {
            index = buildIndex();
            byObject = index;
        }
        return index[objectIndex];
    }

    private int[][] buildIndex() {
        int[] counts = new int[objects];
        for (int i = 0; i < size; i++) {
            counts[object[i]]++;
        }
        int[][] index = new int[objects][];
        for (int o = 0; o < objects; o++) {
            index[o] = new int[counts[o]];
            counts[o] = 0;
        }
        for (int i = 0; i < size; i++) {
            int o = object[i];
            index[o][counts[o]++] = i;
        }
        return index;
    }
}
