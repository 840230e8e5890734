package org.revos.api.spi;

import java.util.List;
import java.util.Objects;

import org.revos.api.model.ObjectType;

/**
 * An internal initiative rolled out through the five phases (a new pipeline, a new required field, a new KPI) and
 * what it changes, as adoption probes see it.
 *
 * @param objectType       the object the initiative is about ({@code DEAL}, {@code LEAD}, ...); {@code null} for
 *                         a KPI initiative
 * @param property         the custom property it introduces or requires; {@code null} when it is about a stage or
 *                         a KPI
 * @param pipeline         the pipeline of {@code stage}; {@code null} for any
 * @param stage            the stage it introduces or changes; {@code null} when none
 * @param kpi              the KPI it introduces or moves; {@code null} when none
 * @param winEvent         the event topic whose celebration the initiative relies on (default: deal won)
 * @param documentationUrl where the initiative's definitions are documented; {@code null} when nowhere yet
 * @param trainingTeam     the team that must be trained; {@code null} for every user
 */
public record Initiative(String id, String name, String goal, ObjectType objectType, String property,
        String pipeline, String stage, String kpi, String ownerId, String winEvent, String documentationUrl,
        String trainingTeam, List<Phase> phases) {

    public Initiative {
        Objects.requireNonNull(id, "id");
        phases = phases == null ? List.of() : List.copyOf(phases);
    }

    /** The five phases every initiative goes through, in order. */
    public enum PhaseName {
        DISCOVERY, BUILD, DELIVER, MEASURE, ADOPT
    }

    /** Where a phase stands. */
    public enum PhaseStatus {
        NOT_STARTED, IN_PROGRESS, DONE
    }

    /**
     * One phase with its planned dates ({@code yyyy-MM-dd}, either may be {@code null}) and status.
     */
    public record Phase(PhaseName name, String start, String end, PhaseStatus status) {
    }
}
