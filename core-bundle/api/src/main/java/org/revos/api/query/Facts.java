package org.revos.api.query;

import java.time.Instant;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.revos.api.model.ObjectType;
import org.revos.api.model.Tenant;

/**
 * An immutable, column-oriented snapshot of the facts a tenant's KPIs are computed from: leads, deals and accounts
 * with their slicing dimensions, the stage entries of leads and deals, the revenue ledger and the team history of
 * users. The runtime keeps one per tenant in memory, rebuilt from the store after writes, so a KPI is a scan of
 * primitive arrays rather than a database query. Tests build their own with {@link #builder(Tenant)}.
 * <p>
 * Dimensions: {@code ownerId}, {@code team} (the owner's team, by {@link TeamHistory}), {@code segment},
 * {@code country}, {@code source} and {@code pipeline}. Deals take segment and country from their account and have
 * no source; leads take segment from their owner; accounts have no source or pipeline.
 */
public final class Facts {

    /** The names KPIs can be sliced by, as query parameters. */
    public static final List<String> DIMENSIONS = List.of("segment", "ownerId", "team", "source", "country",
            "pipeline");

    private final Tenant tenant;
    private final Instant asOf;
    private final Map<ObjectType, ObjectTable> objects;
    private final Map<ObjectType, StageLog> stages;
    private final RevenueLog revenue;
    private final long[] revenueRecordedAt;
    private final TeamHistory teams;
    private final Map<Object, Derived> derived = new ConcurrentHashMap<>();

    /** A derived value and the instant before which lie all the facts it depends on. */
    private record Derived(Object value, long dependsBefore) {
    }

    /** How many derived values a snapshot keeps; past it, the oldest are forgotten all at once (they are recomputed). */
    static final int DERIVED_LIMIT = 4096;

    Facts(Tenant tenant, Instant asOf, Map<ObjectType, ObjectTable> objects, Map<ObjectType, StageLog> stages,
            RevenueLog revenue, long[] revenueRecordedAt, TeamHistory teams) {
        this.tenant = tenant;
        this.asOf = asOf;
        this.objects = Map.copyOf(objects);
        this.stages = Map.copyOf(stages);
        this.revenue = revenue;
        this.revenueRecordedAt = revenueRecordedAt;
        this.teams = teams;
    }

    public static FactsBuilder builder(Tenant tenant) {
        return new FactsBuilder(tenant);
    }

    /**
     * A builder holding every row of this snapshot, to add what happened since (appended; an object added again under
     * its id replaces its row) and build the next snapshot without reading everything again. Build at most one
     * successor from a snapshot: the two share the index of object ids.
     *
     * @since 1.1
     */
    public FactsBuilder toBuilder() {
        return new FactsBuilder(this);
    }

    public Tenant tenant() {
        return tenant;
    }

    /** @return the instant this snapshot describes: nothing recorded later is in it */
    public Instant asOf() {
        return asOf;
    }

    /** @return the leads ({@link ObjectType#LEAD}), deals ({@link ObjectType#DEAL}) or accounts */
    public ObjectTable objects(ObjectType type) {
        ObjectTable table = objects.get(type);
        if (table == null) {
            throw new IllegalArgumentException("No facts about " + type + "; there are LEAD, DEAL and ACCOUNT");
        }
        return table;
    }

    /** @return the stage entries of leads or deals */
    public StageLog stages(ObjectType type) {
        StageLog log = stages.get(type);
        if (log == null) {
            throw new IllegalArgumentException("No stage entries of " + type + "; leads and deals have them");
        }
        return log;
    }

    public RevenueLog revenue() {
        return revenue;
    }

    public TeamHistory teams() {
        return teams;
    }

    /**
     * The objects a filter keeps. Each entry of the filter is a dimension and one value or several separated by
     * commas (any of them matches); entries combine with AND.
     * <p>
     * Slices without a team are kept with the snapshot; slices by team depend on an instant (often now) and are not.
     *
     * @param teamAt the instant whose team memberships decide the {@code team} dimension
     * @throws IllegalArgumentException naming the dimension when the objects cannot be sliced by it
     */
    public BitSet matching(ObjectType type, Map<String, String> filter, Instant teamAt) {
        if (filter.containsKey("team")) {
            return slice(type, filter, teamAt);
        }
        return (BitSet) derived(List.of("matching", type, Map.copyOf(filter)), () -> slice(type, filter, teamAt))
                .clone();
    }

    /**
     * A value derived from this snapshot alone, computed at most once per key while the snapshot is in use (one KPI
     * session, or until the tenant's facts change). Calculators use it to share intermediate results, such as the
     * cohort of deals closed in a period that several KPIs read, between the cells of a goal matrix and between
     * requests. The key must capture every input besides the facts (period bounds, filter, parameters, stage
     * categories), and the value must never be changed by its readers.
     *
     * @since 1.1
     */
    public <T> T derived(Object key, Supplier<T> compute) {
        return derived(key, Long.MAX_VALUE, compute);
    }

    /**
     * A derived value (see {@link #derived(Object, Supplier)}) that depends only on stage entries, revenue events and
     * objects created before {@code dependsBefore} (with the objects' current attributes and the team history): the
     * next snapshot keeps it when what changed since lies at or after that instant — typically a past period's figure
     * when a deal moves or revenue is recorded now.
     *
     * @param dependsBefore epoch milliseconds; {@code Long.MAX_VALUE} when the value depends on every fact
     * @since 1.1
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Object key, long dependsBefore, Supplier<T> compute) {
        Derived known = derived.get(key);
        if (known != null) {
            return (T) known.value();
        }
        T value = compute.get();
        if (derived.size() >= DERIVED_LIMIT) {
            derived.clear();
        }
        Derived raced = derived.putIfAbsent(key, new Derived(value, dependsBefore));
        return raced == null ? value : (T) raced.value();
    }

    /** Keeps the values of {@code predecessor} that no change since affects: all changes lie at or after {@code changedFrom}. */
    void keepDerived(Facts predecessor, long changedFrom) {
        predecessor.derived.forEach((key, value) -> {
            if (value.dependsBefore() <= changedFrom) {
                derived.putIfAbsent(key, value);
            }
        });
    }

    private BitSet slice(ObjectType type, Map<String, String> filter, Instant teamAt) {
        ObjectTable table = objects(type);
        BitSet kept = new BitSet(table.size());
        kept.set(0, table.size());
        for (Map.Entry<String, String> f : filter.entrySet()) {
            Set<String> wanted = new HashSet<>(List.of(f.getValue().split(",")));
            String[] column = table.column(f.getKey().equals("team") ? "ownerId" : f.getKey());
            if (column == null) {
                throw new IllegalArgumentException(f.getKey() + ": " + type.name().toLowerCase() + "s cannot be"
                        + " sliced by " + f.getKey());
            }
            Map<String, String> teamOfOwner = new HashMap<>();
            for (int i = kept.nextSetBit(0); i >= 0; i = kept.nextSetBit(i + 1)) {
                String value = column[i];
                if (f.getKey().equals("team") && value != null) {
                    value = teamOfOwner.computeIfAbsent(value, owner -> noTeamAsEmpty(teams.teamAt(owner,
                            teamAt.toEpochMilli())));
                }
                if (value == null || !wanted.contains(value)) {
                    kept.clear(i);
                }
            }
        }
        return kept;
    }

    /**
     * @return what was known at {@code instant}: without objects created, stage entries made, revenue that occurred
     *         or was recorded, and team changes that started after it
     */
    public Facts asOf(Instant instant) {
        if (!instant.isBefore(asOf)) {
            return this;
        }
        return FactsBuilder.copy(this, instant);
    }

    private static String noTeamAsEmpty(String team) {
        return team == null ? "" : team;
    }

    long[] revenueRecordedAt() {
        return revenueRecordedAt;
    }
}
