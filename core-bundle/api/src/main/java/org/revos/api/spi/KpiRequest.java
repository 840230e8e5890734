package org.revos.api.spi;

import java.time.Instant;
import java.time.ZoneId;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.revos.api.model.ObjectType;
import org.revos.api.model.Period;
import org.revos.api.model.Pipeline;
import org.revos.api.model.Stage;
import org.revos.api.model.StageCategory;
import org.revos.api.query.Facts;
import org.revos.api.query.TenantData;

/**
 * One computation of a KPI.
 *
 * @param period     the period, cut in the tenant's time zone
 * @param filter     slices by {@code segment}, {@code ownerId}, {@code team}, {@code source}, {@code country},
 *                   {@code pipeline}; absent keys do not filter
 * @param parameters the KPI's own parameters, by the names its definition declares
 * @param facts      the tenant's facts as known at {@code asOf} (nothing recorded later is in them)
 * @param pipelines  the tenant's pipelines, from the stage models enabled for it (stage categories come from here)
 * @param asOf       the instant the answer is for: "up to now" means up to this instant
 * @param data       the tenant's data, for what the facts do not hold; may be {@code null} in tests
 */
public record KpiRequest(Period period, Map<String, String> filter, Map<String, String> parameters, Facts facts,
        List<Pipeline> pipelines, Instant asOf, TenantData data) {

    public KpiRequest {
        filter = Map.copyOf(filter);
        parameters = Map.copyOf(parameters);
        pipelines = List.copyOf(pipelines);
    }

    public ZoneId zone() {
        return facts.tenant().timeZone();
    }

    /** @return the period's first instant, epoch milliseconds */
    public long from() {
        return period.start(zone()).toEpochMilli();
    }

    /** @return the first instant after the period, epoch milliseconds */
    public long to() {
        return period.end(zone()).toEpochMilli();
    }

    /** @return the end of what can be counted: the period's end, or {@code asOf} when that is earlier (exclusive) */
    public long until() {
        return Math.min(to(), asOf.toEpochMilli() + 1);
    }

    /** @return the objects of {@code type} the filter keeps; teams are taken as of the end of what is counted */
    public BitSet matching(ObjectType type) {
        return facts.matching(type, filter, Instant.ofEpochMilli(until() - 1));
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name)).filter(v -> !v.isBlank());
    }

    /**
     * @return the values of required parameters, in the order asked
     * @throws InvalidKpiRequest naming every one that is missing
     */
    public List<String> require(String... names) {
        Map<String, String> missing = new LinkedHashMap<>();
        for (String name : names) {
            if (parameter(name).isEmpty()) {
                missing.put(name, "is required");
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidKpiRequest(missing);
        }
        return java.util.Arrays.stream(names).map(parameters::get).toList();
    }

    /** @return the stage {@code stageId} of a pipeline of {@code type}, if any pipeline has it */
    public Optional<Stage> stage(ObjectType type, String stageId) {
        return pipelines.stream().filter(p -> p.objectType() == type).flatMap(p -> p.stages().stream())
                .filter(s -> s.id().equals(stageId)).findFirst();
    }

    /** @return the type of objects whose pipelines have {@code stageId}, deals before leads */
    public Optional<ObjectType> objectTypeOf(String stageId) {
        return List.of(ObjectType.DEAL, ObjectType.LEAD).stream().filter(t -> stage(t, stageId).isPresent())
                .findFirst();
    }

    /** @return whether {@code stageId} is a stage of that category in some pipeline of {@code type} */
    public boolean isCategory(ObjectType type, String stageId, StageCategory category) {
        return pipelines.stream().filter(p -> p.objectType() == type).flatMap(p -> p.stages().stream())
                .anyMatch(s -> s.id().equals(stageId) && s.category() == category);
    }
}
