package org.revos.credit.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.revos.api.model.ObjectType;
import org.revos.runtime.internal.kpi.TenantScripts;
import org.revos.runtime.internal.kpi.Write;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Revenue histories for the credit ledger: the KPI tenants' shapes (users without teams, deals without amount,
 * reopened deals recording revenue again, self-serve and sales revenue dated now, back or forward up to a year, odd
 * time zones, leap days) plus seats, deals changing owner (hours or days apart, with revenue back-dated by hours
 * between the changes, and future-dated revenue recorded before them), account managers to hand green accounts to,
 * and rule versions posted along the way (each followed by a recompute, as {@code POST /credit/rules} does), with the
 * ledger checked at random points after the engine caught up.
 */
final class CreditScripts {

    /** One step of a credit script. */
    sealed interface Step {
    }

    /** A write to the tenant's objects. */
    record Do(Write write) implements Step {
    }

    /** A rule version posted now, effective from today plus {@code inDays}, followed by a recompute. */
    record Post(int inDays, Map<String, Object> settings, boolean handover) implements Step {
    }

    /**
     * A deal changes owner around its revenue: it goes to another user, then revenue of the deal is recorded dated
     * {@code hours} before the change; or ({@code futureFirst}) revenue dated {@code hours} ahead is recorded, then the
     * deal goes to another user before that revenue occurs.
     */
    record Around(int deal, int owner, long hours, long arr, boolean futureFirst) implements Step {
    }

    /** The engine catches up on what is pending, and the ledger is compared with the reference. */
    record Check() implements Step {
    }

    record Script(ZoneId zone, Instant start, List<Step> steps, long seed) {
    }

    private CreditScripts() {
    }

    static Arbitrary<Script> scripts(int maxSteps) {
        Arbitrary<ZoneId> zones = Arbitraries.of(TenantScripts.ZONES).map(ZoneId::of);
        Arbitrary<Instant> starts = Arbitraries.longs().between(0, 120L * 24 * 60)
                .map(m -> Instant.parse("2023-11-15T00:00:00Z").plusSeconds(m * 60));
        Arbitrary<List<Step>> prelude = Combinators.combine(TenantScripts.prelude(),
                Combinators.combine(Arbitraries.of(TenantScripts.SEGMENTS), Arbitraries.integers().between(0, 3))
                        .as(Write.AddAm::new).list().ofMaxSize(2)).as((first, ams) -> {
                            List<Step> all = new ArrayList<>();
                            first.forEach(w -> all.add(new Do(w)));
                            ams.forEach(w -> all.add(new Do(w)));
                            return all;
                        });
        Arbitrary<List<Step>> history = Combinators.combine(prelude, post(), steps().list().ofMaxSize(maxSteps)
                .withSizeDistribution(RandomDistribution.uniform())).as((first, rule, then) -> {
                    List<Step> all = new ArrayList<>(first);
                    all.add(rule);
                    all.addAll(then);
                    all.add(new Check());
                    return all;
                });
        return Combinators.combine(zones, starts, history, Arbitraries.longs()).as(Script::new);
    }

    private static Arbitrary<Step> steps() {
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 50);
        // a third of the revenue is back-dated by hours only, so that it lands between a deal's changes of owner
        Arbitrary<Long> recent = Arbitraries.longs().between(-72, -1);
        Arbitrary<Write> book = Combinators.combine(TenantScripts.book(), Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(0, 2), recent).as((w, seats, near, hours) -> {
                    Write.Book b = (Write.Book) w;
                    return new Write.Book(b.account(), b.sales(), b.kind(), b.arr(),
                            near == 0 ? hours : b.shiftHours(), b.arr() < 0 ? -seats : seats);
                });
        Arbitrary<Write> win = Combinators.combine(pick, Arbitraries.integers().between(0, 5))
                .as((deal, stage) -> new Write.Advance(ObjectType.DEAL, deal, stage));
        return Arbitraries.frequencyOf(
                Tuple.of(10, book.map(Do::new)),
                Tuple.of(5, win.map(Do::new)),
                Tuple.of(2, TenantScripts.writes().filter(w -> w instanceof Write.AddDeal || w instanceof Write.AddUser
                        || w instanceof Write.AddAccount || w instanceof Write.Wait || w instanceof Write.MoveUser)
                        .map(Do::new)),
                Tuple.of(3, Combinators.combine(pick, pick).as(Write.Reassign::new).map(Do::new)),
                // hours to days between writes: owners of a deal that last long enough for back-dated revenue
                Tuple.of(2, Arbitraries.longs().between(30, 4 * 24 * 60).map(Write.Wait::new).map(Do::new)),
                Tuple.of(3, Combinators.combine(pick, pick, Arbitraries.longs().between(1, 24 * 40),
                        Arbitraries.longs().between(1, 15_000), Arbitraries.of(false, false, true)).as(Around::new)),
                Tuple.of(1, Combinators.combine(Arbitraries.of(TenantScripts.SEGMENTS),
                        Arbitraries.integers().between(0, 3)).as(Write.AddAm::new).map(Do::new)),
                Tuple.of(2, post()),
                Tuple.of(3, Arbitraries.just(new Check())));
    }

    /** A rule version: metric, threshold (sometimes per segment), spill, clawback, near share, handover. */
    static Arbitrary<Step> post() {
        Arbitrary<Boolean> seats = Arbitraries.of(false, false, true);
        // some versions share a date (a correction of an earlier version), most do not
        Arbitrary<Integer> inDays = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.just(-200)), Tuple.of(3, Arbitraries.integers().between(-400, 40)));
        Arbitrary<String> spill = Arbitraries.of("CONTRIBUTORS", "CROSSING_REP", "ACCOUNT_OWNER").injectNull(0.3);
        Arbitrary<Integer> clawback = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(-1)),
                Tuple.of(1, Arbitraries.just(0)), Tuple.of(2, Arbitraries.integers().between(1, 120)));
        Arbitrary<Integer> near = Arbitraries.integers().between(40, 100).injectNull(0.5);
        Arbitrary<String> segment = Arbitraries.of(TenantScripts.SEGMENTS).injectNull(0.6);
        Arbitrary<Long> amount = Arbitraries.longs().between(1, 60_000);
        Arbitrary<Map<String, Object>> settings = Combinators.combine(seats, amount, spill, clawback, near, segment,
                amount).as((isSeats, threshold, to, claw, share, seg, segThreshold) -> {
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("metric", isSeats ? "ACCOUNT_SEATS" : "ACCOUNT_ARR");
                    s.put("threshold", units(isSeats, threshold));
                    if (seg != null) {
                        s.put("segmentThresholds", Map.of(seg, units(isSeats, segThreshold)));
                    }
                    if (to != null) {
                        s.put("spillCreditTo", to);
                    }
                    if (claw >= 0) {
                        s.put("clawbackDays", claw);
                    }
                    if (share != null) {
                        s.put("nearThresholdShare", BigDecimal.valueOf(share, 2));
                    }
                    return s;
                });
        return Combinators.combine(inDays, settings, Arbitraries.of(true, false)).as(Post::new);
    }

    /** Seats from 1 to 60; ARR in major units from 0.01 to 30,000.00, whole most of the time. */
    private static BigDecimal units(boolean seats, long n) {
        if (seats) {
            return BigDecimal.valueOf(1 + n % 60);
        }
        return n % 3 == 0 ? BigDecimal.valueOf(n % 3_000_000 + 1, 2) : BigDecimal.valueOf(1 + n % 30_000);
    }
}
