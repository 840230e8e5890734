package org.revos.credit.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.revos.api.model.RevenueEvent;

/**
 * The green-bucket rule of DOMAIN §4, written naively from the text (plain loops over the rows, nothing shared with
 * the credit engine or the bucket plugin), to check them against.
 * <p>
 * Choices DOMAIN leaves open, made explicit here (they match docs/plugins/credit-buckets.md):
 * <ul>
 * <li>events of an account are replayed in order of occurrence, ties by id;</li>
 * <li>each event is governed by the version in effect at its instant (effective from the start of its date in the
 * tenant's zone); events before every version by the earliest one. Of versions with the same date the one posted
 * last is the one in effect: posting a version with a date already used corrects that version;</li>
 * <li>the rep of a line is the deal's owner at the event's {@code occurredAt} (API.md; DOMAIN: "the deal's owner
 * at the event's time"), read from the deal's audit history (its creation, then every update), not from the
 * ownership history the engine keeps: a back-dated event of a reassigned deal goes to the owner then, a future-dated
 * one to the owner then (the current one), and an event dated before the deal's creation to its owner at
 * creation;</li>
 * <li>any negative delta (contraction, churn, a negative renewal; self-serve too) is a contraction; an account turns
 * green when, after an event, its total under that event's version reaches the threshold (a contraction can cross
 * it too when a lowered threshold took effect); green stays green;</li>
 * <li>CROSSING_REP with a self-serve crossing, and ACCOUNT_OWNER on an account without owner, keep each line with
 * its contributor; ACCOUNT_OWNER is the owner before the handover;</li>
 * <li>a clawback takes back green credit whose credit instant lies within {@code clawbackDays} before the
 * contraction (inclusive), newest credit first (same instant: latest occurrence first), as negative green lines of
 * the same rep and deal dated at the contraction;</li>
 * <li>the account's reported threshold and "near" are those of the version governing its last event.</li>
 * </ul>
 */
final class CreditReference {

    enum Metric {
        ACCOUNT_ARR, ACCOUNT_SEATS
    }

    /** A rule version as stored: its date, its order of posting and its settings, already in units. */
    record Version(LocalDate effectiveFrom, long postedOrder, Metric metric, long threshold,
            Map<String, Long> segmentThresholds, String spill, int clawbackDays, BigDecimal near) {

        long thresholdOf(String segment) {
            return segment != null && segmentThresholds.containsKey(segment) ? segmentThresholds.get(segment)
                    : threshold;
        }
    }

    /** An ownership: from {@code since} on, the owner is {@code ownerId}. */
    record Owned(Instant since, String ownerId) {
    }

    record Line(String accountId, String revenueEventId, String dealId, String ownerId, long amountCents,
            String bucket, Instant occurredAt, Instant creditedAt) {
    }

    record AccountState(String accountId, String bucket, long total, long threshold, Instant greenAt, boolean near,
            List<Line> lines) {
    }

    private final ZoneId zone;
    private final List<Version> versions;
    /** per deal, its owners in time order (creation first) */
    private final Map<String, List<Owned>> dealOwners;

    CreditReference(ZoneId zone, List<Version> versions, Map<String, List<Owned>> dealOwners) {
        this.zone = zone;
        this.versions = versions;
        this.dealOwners = dealOwners;
    }

    /**
     * @param ownerBeforeHandover the account's owner before it was handed over (its owner when never handed over)
     * @return the account's credit, {@code null} without any revenue or any version
     */
    AccountState account(String accountId, String segment, String ownerBeforeHandover, List<RevenueEvent> all) {
        List<RevenueEvent> events = new ArrayList<>();
        for (RevenueEvent e : all) {
            if (e.accountId().equals(accountId)) {
                events.add(e);
            }
        }
        if (events.isEmpty() || versions.isEmpty()) {
            return null;
        }
        events.sort(Comparator.comparing(RevenueEvent::occurredAt).thenComparing(RevenueEvent::id));
        long arr = 0;
        long seats = 0;
        Instant greenAt = null;
        List<Line> orange = new ArrayList<>();
        List<Line> green = new ArrayList<>();
        Map<Line, Long> open = new java.util.IdentityHashMap<>();
        Version last = null;
        for (RevenueEvent e : events) {
            Version v = versionAt(e.occurredAt());
            last = v;
            arr += e.arrDeltaCents();
            seats += e.seatsDelta();
            long delta = e.arrDeltaCents();
            if (delta > 0 && e.dealId() != null) {
                String rep = ownerAt(e.dealId(), e.occurredAt());
                if (greenAt == null) {
                    orange.add(new Line(accountId, e.id(), e.dealId(), rep, delta, "ORANGE", e.occurredAt(), null));
                } else {
                    Line line = new Line(accountId, e.id(), e.dealId(), rep, delta, "GREEN", e.occurredAt(),
                            e.occurredAt());
                    green.add(line);
                    open.put(line, delta);
                }
            } else if (delta < 0 && greenAt == null) {
                long left = -delta;
                for (int i = orange.size() - 1; i >= 0 && left > 0; i--) {
                    Line line = orange.get(i);
                    long taken = Math.min(left, line.amountCents());
                    left -= taken;
                    if (taken == line.amountCents()) {
                        orange.remove(i);
                    } else {
                        orange.set(i, new Line(accountId, line.revenueEventId(), line.dealId(), line.ownerId(),
                                line.amountCents() - taken, "ORANGE", line.occurredAt(), null));
                    }
                }
            } else if (delta < 0 && v.clawbackDays() > 0) {
                green.addAll(clawBack(green, open, e, -delta, v.clawbackDays()));
            }
            long total = v.metric() == Metric.ACCOUNT_SEATS ? seats : arr;
            if (greenAt == null && total >= v.thresholdOf(segment)) {
                greenAt = e.occurredAt();
                String crossingRep = e.dealId() == null ? null : ownerAt(e.dealId(), e.occurredAt());
                for (Line line : orange) {
                    String to = switch (v.spill()) {
                        case "CROSSING_REP" -> crossingRep != null ? crossingRep : line.ownerId();
                        case "ACCOUNT_OWNER" -> ownerBeforeHandover != null ? ownerBeforeHandover : line.ownerId();
                        default -> line.ownerId();
                    };
                    Line spilled = new Line(accountId, line.revenueEventId(), line.dealId(), to, line.amountCents(),
                            "GREEN", line.occurredAt(), greenAt);
                    green.add(spilled);
                    open.put(spilled, spilled.amountCents());
                }
                orange.clear();
            }
        }
        long total = last.metric() == Metric.ACCOUNT_SEATS ? seats : arr;
        long threshold = last.thresholdOf(segment);
        boolean near = greenAt == null && BigDecimal.valueOf(total).compareTo(last.near()
                .multiply(BigDecimal.valueOf(threshold))) >= 0;
        List<Line> lines = new ArrayList<>(green);
        lines.addAll(orange);
        return new AccountState(accountId, greenAt == null ? "ORANGE" : "GREEN", total, threshold, greenAt, near,
                lines);
    }

    /**
     * Takes back credit made within the window before the contraction, newest first, never more than credited.
     *
     * @param open what each green credit line (by identity) still holds after earlier clawbacks
     */
    private static List<Line> clawBack(List<Line> green, Map<Line, Long> open, RevenueEvent contraction, long amount,
            int days) {
        Instant windowStart = contraction.occurredAt().minusSeconds(days * 86_400L);
        List<Line> credits = new ArrayList<>();
        for (Line l : green) {
            if (open.getOrDefault(l, 0L) > 0 && !l.creditedAt().isBefore(windowStart)) {
                credits.add(l);
            }
        }
        // newest credit first; among lines credited at once (a spill), the latest revenue first
        List<Line> order = new ArrayList<>(credits);
        order.sort(Comparator.comparing(Line::creditedAt).thenComparing(Line::occurredAt)
                .thenComparingInt(credits::indexOf).reversed());
        List<Line> out = new ArrayList<>();
        long left = amount;
        for (Line credit : order) {
            if (left == 0) {
                break;
            }
            long taken = Math.min(left, open.get(credit));
            left -= taken;
            open.put(credit, open.get(credit) - taken);
            out.add(new Line(credit.accountId(), contraction.id(), credit.dealId(), credit.ownerId(), -taken,
                    "GREEN", contraction.occurredAt(), contraction.occurredAt()));
        }
        return out;
    }

    /** @return the version governing an instant */
    Version versionAt(Instant at) {
        Version best = null;
        for (Version v : versions) {
            Instant from = v.effectiveFrom().atStartOfDay(zone).toInstant();
            if (!from.isAfter(at) && (best == null || v.effectiveFrom().isAfter(best.effectiveFrom())
                    || v.effectiveFrom().equals(best.effectiveFrom()) && v.postedOrder() > best.postedOrder())) {
                best = v;
            }
        }
        if (best != null) {
            return best;
        }
        for (Version v : versions) {
            if (best == null || v.effectiveFrom().isBefore(best.effectiveFrom())
                    || v.effectiveFrom().equals(best.effectiveFrom()) && v.postedOrder() > best.postedOrder()) {
                best = v;
            }
        }
        return best;
    }

    /** @return the deal's owner at {@code at}; before the deal existed, its owner at creation */
    String ownerAt(String dealId, Instant at) {
        List<Owned> owned = dealOwners.getOrDefault(dealId, List.of());
        if (owned.isEmpty()) {
            return null;
        }
        Instant when = at.isBefore(owned.get(0).since()) ? owned.get(0).since() : at;
        String owner = null;
        for (Owned o : owned) {
            if (!o.since().isAfter(when)) {
                owner = o.ownerId();
            }
        }
        return owner;
    }

    /**
     * The ledger's totals for a period, per rep: green lines by their credit instant, orange lines by the instant
     * their revenue occurred. Reps whose lines in the period sum to nothing in both are left out.
     */
    static Map<String, long[]> totals(List<AccountState> accounts, Instant from, Instant to) {
        Map<String, long[]> out = new TreeMap<>();
        for (AccountState a : accounts) {
            for (Line l : a.lines()) {
                boolean isGreen = l.bucket().equals("GREEN");
                Instant at = isGreen ? l.creditedAt() : l.occurredAt();
                if (!at.isBefore(from) && at.isBefore(to)) {
                    out.computeIfAbsent(String.valueOf(l.ownerId()), o -> new long[2])[isGreen ? 0 : 1] +=
                            l.amountCents();
                }
            }
        }
        out.values().removeIf(t -> t[0] == 0 && t[1] == 0);
        return out;
    }
}
