package org.revos.kpi.funnel.internal;

import java.util.BitSet;

import org.revos.api.model.ObjectType;
import org.revos.api.query.StageLog;
import org.revos.api.spi.InvalidKpiRequest;
import org.revos.api.spi.KpiRequest;

/**
 * A milestone stage named by a KPI parameter, resolved against the tenant's pipelines: which objects (leads or deals)
 * it belongs to and its code in their stage log.
 */
record Stages(ObjectType type, String id, int code, StageLog log) {

    /** @throws InvalidKpiRequest when no pipeline of the tenant has the stage */
    static Stages of(KpiRequest request, String parameter, String stageId) {
        ObjectType type = request.objectTypeOf(stageId).orElseThrow(() -> new InvalidKpiRequest(parameter,
                "no pipeline of the tenant has a stage " + stageId));
        StageLog log = request.facts().stages(type);
        return new Stages(type, stageId, log.code(stageId), log);
    }

    /**
     * @return the objects kept by the filter that entered this stage in [from, until)
     * @throws IllegalArgumentException when the objects cannot be sliced by the filter, whether or not any entered
     */
    BitSet enteredDuring(KpiRequest request) {
        BitSet entered = new BitSet();
        BitSet kept = request.matching(type);
        if (code < 0) {
            return entered;
        }
        int end = log.firstAtOrAfter(request.until());
        for (int i = log.firstAtOrAfter(request.from()); i < end; i++) {
            if (log.stage(i) == code && kept.get(log.object(i))) {
                entered.set(log.object(i));
            }
        }
        return entered;
    }

    /** @return the first row of {@code object} entering this stage in [fromMillis, toMillis), -1 when none */
    int firstEntry(int object, long fromMillis, long toMillis) {
        if (code < 0) {
            return -1;
        }
        for (int row : log.rowsOf(object)) {
            long at = log.at(row);
            if (at >= toMillis) {
                return -1;
            }
            if (at >= fromMillis && log.stage(row) == code) {
                return row;
            }
        }
        return -1;
    }
}
