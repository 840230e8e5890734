package org.revos.kpi.internal.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.revos.api.model.Deal;
import org.revos.api.model.Lead;
import org.revos.api.model.ObjectType;
import org.revos.api.model.StageCategory;
import org.revos.api.model.StageTransition;

/**
 * The funnel KPIs of DOMAIN §3, straight from the stage transitions: volume, conversion (period and cohort), time
 * between stages, deals created, and the outcomes of the deals closed in a period (a deal is closed at the instant it
 * entered a WON or LOST stage; one closed twice in the period counts once, with its last outcome there).
 */
public final class FunnelReference {

    /** Thrown for a request the KPI refuses (a stage no pipeline has, stages of two object types). */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String why) {
            super(why);
        }
    }

    private final TenantRows rows;

    public FunnelReference(TenantRows rows) {
        this.rows = rows;
    }

    public Figure dealsCreated(Window w, Map<String, String> filter) {
        Slice slice = new Slice(filter, rows, w).require(ObjectType.DEAL);
        long n = 0;
        for (Deal d : rows.deals()) {
            if (slice.keeps(d) && w.counts(d.createdAt())) {
                n++;
            }
        }
        return Figure.of(Numbers.count(n));
    }

    public Figure dealsWon(Window w, Map<String, String> filter) {
        return Figure.of(Numbers.count(closed(w, filter, StageCategory.WON).size()));
    }

    public Figure dealsLost(Window w, Map<String, String> filter) {
        return Figure.of(Numbers.count(closed(w, filter, StageCategory.LOST).size()));
    }

    public Figure winRate(Window w, Map<String, String> filter) {
        long won = closed(w, filter, StageCategory.WON).size();
        long lost = closed(w, filter, StageCategory.LOST).size();
        return Figure.of(Numbers.ratio(won, won + lost));
    }

    public Figure wonRevenue(Window w, Map<String, String> filter) {
        return Figure.of(Numbers.money(wonCents(w, filter)));
    }

    public Figure avgDealSize(Window w, Map<String, String> filter) {
        return Figure.of(Numbers.moneyPer(wonCents(w, filter), closed(w, filter, StageCategory.WON).size()));
    }

    public Figure stageVolume(Window w, Map<String, String> filter, String stage) {
        return Figure.of(Numbers.count(entered(w, filter, stage).size()));
    }

    /** volume(to, P) / volume(from, P) */
    public Figure periodConversion(Window w, Map<String, String> filter, String from, String to) {
        return Figure.of(Numbers.ratio(entered(w, filter, to).size(), entered(w, filter, from).size()));
    }

    /**
     * Of the objects that entered {@code from} during P, the share that entered {@code to} at or after their (first)
     * entry in P and up to the answer's instant, or up to {@code horizon} after that entry.
     */
    public Figure cohortConversion(Window w, Map<String, String> filter, String from, String to,
            Optional<Duration> horizon) {
        sameType(from, to);
        List<String> cohort = entered(w, filter, from);
        long converted = 0;
        for (String id : cohort) {
            Instant entered = firstEntry(id, from, w).orElseThrow();
            Instant limit = horizon.map(entered::plus).filter(h -> h.isBefore(w.asOf())).orElse(w.asOf());
            for (StageTransition t : rows.transitions()) {
                if (t.objectId().equals(id) && t.toStage().equals(to) && !t.at().isBefore(entered)
                        && !t.at().isAfter(limit)) {
                    converted++;
                    break;
                }
            }
        }
        return Figure.of(Numbers.ratio(converted, cohort.size()));
    }

    /**
     * Over the objects that entered {@code to} during P: the time from their first entry into {@code from} (at or
     * before their first entry into {@code to} in P) to that entry. Value: the median in seconds; parts: median,
     * mean (3 places) and count.
     */
    public Figure timeBetween(Window w, Map<String, String> filter, String from, String to) {
        sameType(from, to);
        List<Long> millis = new ArrayList<>();
        for (String id : entered(w, filter, to)) {
            Instant arrived = firstEntry(id, to, w).orElseThrow();
            Instant start = null;
            for (StageTransition t : rows.transitions()) {
                if (t.objectId().equals(id) && t.toStage().equals(from) && !t.at().isAfter(arrived)
                        && (start == null || t.at().isBefore(start))) {
                    start = t.at();
                }
            }
            if (start != null) {
                millis.add(arrived.toEpochMilli() - start.toEpochMilli());
            }
        }
        Collections.sort(millis);
        int n = millis.size();
        BigDecimal median = n == 0 ? null : n % 2 == 1 ? seconds(millis.get(n / 2))
                : seconds(millis.get(n / 2 - 1) + millis.get(n / 2)).divide(BigDecimal.valueOf(2));
        long sum = 0;
        for (long m : millis) {
            sum += m;
        }
        BigDecimal mean = n == 0 ? null : seconds(sum).divide(BigDecimal.valueOf(n), 3, RoundingMode.HALF_EVEN);
        Map<String, BigDecimal> parts = new java.util.HashMap<>();
        parts.put("median", median);
        parts.put("mean", mean);
        parts.put("count", BigDecimal.valueOf(n));
        return new Figure(median, parts);
    }

    /** @return the ids of the deals closed in the window whose last close there has {@code outcome} */
    private List<String> closed(Window w, Map<String, String> filter, StageCategory outcome) {
        Slice slice = new Slice(filter, rows, w).require(ObjectType.DEAL);
        List<String> ids = new ArrayList<>();
        for (Deal d : rows.deals()) {
            if (!slice.keeps(d)) {
                continue;
            }
            StageTransition last = null;
            for (StageTransition t : rows.transitions()) {
                Optional<StageCategory> c = rows.category(ObjectType.DEAL, t.toStage());
                boolean closes = c.isPresent() && (c.get() == StageCategory.WON || c.get() == StageCategory.LOST);
                if (t.objectType() == ObjectType.DEAL && t.objectId().equals(d.id()) && closes && w.counts(t.at())
                        && (last == null || t.at().isAfter(last.at()))) {
                    last = t;
                }
            }
            if (last != null && rows.category(ObjectType.DEAL, last.toStage()).get() == outcome) {
                ids.add(d.id());
            }
        }
        return ids;
    }

    private long wonCents(Window w, Map<String, String> filter) {
        long cents = 0;
        List<String> won = closed(w, filter, StageCategory.WON);
        for (Deal d : rows.deals()) {
            if (won.contains(d.id())) {
                cents += d.arrCents();
            }
        }
        return cents;
    }

    /** @return the ids of the objects the filter keeps that entered {@code stage} in the window */
    private List<String> entered(Window w, Map<String, String> filter, String stage) {
        ObjectType type = rows.typeOfStage(stage).orElseThrow(() -> new Refused("no pipeline has " + stage));
        Slice slice = new Slice(filter, rows, w).require(type);
        List<String> kept = new ArrayList<>();
        if (type == ObjectType.DEAL) {
            for (Deal d : rows.deals()) {
                if (slice.keeps(d)) {
                    kept.add(d.id());
                }
            }
        } else {
            for (Lead l : rows.leads()) {
                if (slice.keeps(l)) {
                    kept.add(l.id());
                }
            }
        }
        List<String> entered = new ArrayList<>();
        for (String id : kept) {
            if (firstEntry(id, stage, w).isPresent()) {
                entered.add(id);
            }
        }
        return entered;
    }

    private Optional<Instant> firstEntry(String id, String stage, Window w) {
        Instant first = null;
        for (StageTransition t : rows.transitions()) {
            if (t.objectId().equals(id) && t.toStage().equals(stage) && w.counts(t.at())
                    && (first == null || t.at().isBefore(first))) {
                first = t.at();
            }
        }
        return Optional.ofNullable(first);
    }

    private void sameType(String from, String to) {
        ObjectType a = rows.typeOfStage(from).orElseThrow(() -> new Refused("no pipeline has " + from));
        ObjectType b = rows.typeOfStage(to).orElseThrow(() -> new Refused("no pipeline has " + to));
        if (a != b) {
            throw new Refused(from + " and " + to + " are stages of different objects");
        }
    }

    private static BigDecimal seconds(long millis) {
        return BigDecimal.valueOf(millis, 3);
    }
}
