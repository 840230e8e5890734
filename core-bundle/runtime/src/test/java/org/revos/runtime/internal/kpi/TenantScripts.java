package org.revos.runtime.internal.kpi;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.revos.api.model.BowTiePhase;
import org.revos.api.model.DealType;
import org.revos.api.model.ObjectType;
import org.revos.api.model.Pipeline;
import org.revos.api.model.RevenueKind;
import org.revos.api.model.Stage;
import org.revos.api.model.StageCategory;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;

/**
 * Generates tenants with the shapes real tenants have: users without teams, team changes and removals, deletions,
 * deals without amount or close date, reopened deals (won, open, won again), back-dated and future-dated revenue,
 * time zones with half- and quarter-hour offsets and half-hour daylight saving, long quiet spells (empty periods),
 * histories across February 29 and year ends.
 */
public final class TenantScripts {

    public static final List<String> TEAMS = List.of("East", "West", "North");
    public static final List<String> SEGMENTS = List.of("SMB", "MID_MARKET", "ENTERPRISE");
    public static final List<String> COUNTRIES = List.of("DE", "US", "NP");
    public static final List<String> SOURCES = List.of("WEB", "EVENT");
    public static final List<String> ZONES = List.of("UTC", "Pacific/Chatham", "America/St_Johns", "Asia/Kathmandu",
            "Australia/Lord_Howe", "America/Los_Angeles");

    public static final ScriptedStages.Offered CATALOG = new ScriptedStages.Offered(List.of(
            pipeline("sales", ObjectType.DEAL, true, "QUALIFICATION", "OPPORTUNITY", "WON", "LOST"),
            pipeline("partner", ObjectType.DEAL, false, "REFERRED", "PARTNER_WON", "PARTNER_LOST"),
            pipeline("lifecycle", ObjectType.LEAD, true, "RAW", "MQL", "SAL", "SQL", "DISQUALIFIED")));

    /** The stages figures are asked about: every stage of every pipeline. */
    public static final List<String> STAGES = CATALOG.pipelines().stream().flatMap(p -> p.stages().stream())
            .map(Stage::id).toList();

    private TenantScripts() {
    }

    public static Arbitrary<TenantScript> scripts(int maxWrites) {
        Arbitrary<ZoneId> zones = Arbitraries.of(ZONES).map(ZoneId::of);
        // from mid-November 2023 to mid-March 2024: histories cross a year end and February 29, 2024
        Arbitrary<Instant> starts = Arbitraries.longs().between(0, 120L * 24 * 60)
                .map(m -> Instant.parse("2023-11-15T00:00:00Z").plusSeconds(m * 60));
        Arbitrary<List<Write>> history = Combinators.combine(prelude(), writes().list().ofMaxSize(maxWrites)
                .withSizeDistribution(RandomDistribution.uniform())).as((first, then) -> {
                    List<Write> all = new java.util.ArrayList<>(first);
                    all.addAll(then);
                    return all;
                });
        return Combinators.combine(zones, starts, history, Arbitraries.longs()).as(TenantScript::new);
    }

    /** A few users, accounts, deals and leads first, so that most later writes have something to act on. */
    public static Arbitrary<List<Write>> prelude() {
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 50);
        return Combinators.combine(
                Combinators.combine(Arbitraries.of(TEAMS).injectNull(0.3), Arbitraries.of(SEGMENTS))
                        .as(Write.AddUser::new).list().ofMinSize(1).ofMaxSize(4),
                Combinators.combine(pick, Arbitraries.of(SEGMENTS), Arbitraries.of(COUNTRIES))
                        .as(Write.AddAccount::new).list().ofMinSize(1).ofMaxSize(3),
                Combinators.combine(pick, pick, Arbitraries.longs().between(1, 20_000).injectNull(0.25),
                        Arbitraries.integers().between(-60, 120).injectNull(0.4), Arbitraries.of(DealType.NEW_BUSINESS,
                                DealType.EXPANSION), Arbitraries.of(false, false, true)).as(Write.AddDeal::new).list()
                        .ofMaxSize(4)).as((users, accounts, deals) -> {
                            List<Write> all = new java.util.ArrayList<Write>(users);
                            all.addAll(accounts);
                            all.addAll(deals);
                            return all;
                        });
    }

    public static Arbitrary<Write> writes() {
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 50);
        Arbitrary<String> team = Arbitraries.of(TEAMS).injectNull(0.3);
        Arbitrary<String> segment = Arbitraries.of(SEGMENTS);
        Arbitrary<String> country = Arbitraries.of(COUNTRIES);
        return Arbitraries.frequencyOf(
                Tuple(2, Arbitraries.longs().between(1, 25L * 24 * 60).map(Write.Wait::new)),
                Tuple(3, Combinators.combine(team, segment).as(Write.AddUser::new)),
                Tuple(2, Combinators.combine(pick, team).as(Write.MoveUser::new)),
                Tuple(1, Combinators.combine(pick, segment).as(Write.Resegment::new)),
                Tuple(3, Combinators.combine(pick, segment, country).as(Write.AddAccount::new)),
                Tuple(1, Combinators.combine(pick, country).as(Write.Relocate::new)),
                Tuple(5, Combinators.combine(pick, pick, Arbitraries.longs().between(1, 20_000).injectNull(0.25),
                        Arbitraries.integers().between(-60, 120).injectNull(0.4), Arbitraries.of(DealType.class),
                        Arbitraries.of(false, false, true)).as(Write.AddDeal::new)),
                Tuple(1, Combinators.combine(pick, Arbitraries.longs().between(0, 20_000)).as(Write.Reprice::new)),
                Tuple(2, Combinators.combine(Arbitraries.integers().between(-1, 50), Arbitraries.of(SOURCES), country)
                        .as(Write.AddLead::new)),
                Tuple(10, Combinators.combine(Arbitraries.of(ObjectType.DEAL, ObjectType.DEAL, ObjectType.LEAD), pick,
                        pick).as(Write.Advance::new)),
                Tuple(5, book()),
                Tuple(1, Combinators.combine(Arbitraries.of(ObjectType.DEAL, ObjectType.LEAD, ObjectType.ACCOUNT),
                        pick).as(Write.Delete::new)));
    }

    /** Revenue mostly dated now, some back-dated up to a year and some future-dated up to a year. */
    public static Arbitrary<Write> book() {
        Arbitrary<RevenueKind> kind = Arbitraries.of(RevenueKind.class);
        Arbitrary<Long> shift = Arbitraries.frequencyOf(Tuple(3, Arbitraries.just(0L)),
                Tuple(2, Arbitraries.longs().between(-24 * 366, -1)), Tuple(1, Arbitraries.longs().between(1, 24 * 366)));
        return Combinators.combine(Arbitraries.integers().between(0, 50), Arbitraries.of(true, false), kind,
                Arbitraries.longs().between(1, 15_000), shift).as((account, sales, k, arr, hours) -> new Write.Book(
                        account, sales, k, switch (k) {
                            case NEW, EXPANSION -> arr;
                            case CONTRACTION, CHURN -> -arr;
                            case RENEWAL -> hours % 2 == 0 ? arr : -arr;
                        }, hours));
    }

    private static <T> net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<? extends T>> Tuple(int weight,
            Arbitrary<? extends T> arbitrary) {
        return net.jqwik.api.Tuple.of(weight, arbitrary);
    }

    private static Pipeline pipeline(String id, ObjectType type, boolean isDefault, String... stages) {
        return new Pipeline(id, type, isDefault, java.util.Arrays.stream(stages).map(s -> new Stage(s, s,
                s.endsWith("WON") ? StageCategory.WON : s.endsWith("LOST") || s.equals("DISQUALIFIED")
                        ? StageCategory.LOST : StageCategory.OPEN, 0.5, BowTiePhase.SELECTION, List.of(), false))
                .toList());
    }
}
