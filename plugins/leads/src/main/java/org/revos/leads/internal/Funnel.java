package org.revos.leads.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The lead funnel of the sign-ups received in a period, from stored facts only (intake records and the stage history
 * of their leads): sign-ups, passed the filters, then the leads that entered MQL, SAL and SQL (ever, by intake or by
 * a person), each step with its conversion from the step before and the average hours from the step before (a lead's
 * first entry into each stage; sign-up time for MQL). A recompute over the same data gives the same figures.
 */
final class Funnel {

    static final List<String> STAGES = List.of("MQL", "SAL", "SQL");

    private Funnel() {
    }

    static ObjectNode of(EntityManager em, String period, long from, long to) {
        Map<String, Long> received = new HashMap<>();
        long signUps = 0;
        long passed = 0;
        for (Object[] r : em.createQuery("SELECT r.leadId, r.receivedAt, r.outcome FROM LeadIntakeEntity r WHERE"
                + " r.receivedAt >= :from AND r.receivedAt < :to", Object[].class).setParameter("from", from)
                .setParameter("to", to).getResultList()) {
            signUps++;
            if (!"DIVERTED".equals(r[2])) {
                passed++;
            }
            if (r[0] != null) {
                received.put((String) r[0], ((Number) r[1]).longValue());
            }
        }
        Map<String, Map<String, Long>> entered = new HashMap<>();
        for (Object[] t : em.createQuery("SELECT t.objectId, t.toStage, t.at FROM StageTransitionEntity t,"
                + " LeadIntakeEntity r WHERE t.objectType = 'LEAD' AND t.objectId = r.leadId AND r.receivedAt >= :from"
                + " AND r.receivedAt < :to AND t.toStage IN :stages", Object[].class).setParameter("from", from)
                .setParameter("to", to).setParameter("stages", STAGES).getResultList()) {
            entered.computeIfAbsent((String) t[1], s -> new HashMap<>()).merge((String) t[0],
                    ((Number) t[2]).longValue(), Math::min);
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("period", period);
        ArrayNode steps = out.putArray("steps");
        steps.addObject().put("step", "SIGN_UP").put("count", signUps).putNull("conversion")
                .putNull("averageHoursFromPrevious");
        steps.addObject().put("step", "PASSED_FILTER").put("count", passed).put("conversion", ratio(passed, signUps))
                .putNull("averageHoursFromPrevious");
        long previousCount = passed;
        Map<String, Long> previous = received;
        for (String stage : STAGES) {
            Map<String, Long> at = entered.getOrDefault(stage, Map.of());
            long count = at.size();
            long pairs = 0;
            long millis = 0;
            for (Map.Entry<String, Long> e : at.entrySet()) {
                Long before = previous.get(e.getKey());
                if (before != null) {
                    pairs++;
                    millis += Math.max(0, e.getValue() - before);
                }
            }
            ObjectNode step = steps.addObject().put("step", stage).put("count", count)
                    .put("conversion", ratio(count, previousCount));
            if (pairs == 0) {
                step.putNull("averageHoursFromPrevious");
            } else {
                step.put("averageHoursFromPrevious", BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(pairs
                        * 3_600_000L), 2, RoundingMode.HALF_EVEN));
            }
            previousCount = count;
            previous = at;
        }
        return out;
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4,
                RoundingMode.HALF_EVEN);
    }
}
