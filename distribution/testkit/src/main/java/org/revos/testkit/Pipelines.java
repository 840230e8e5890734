package org.revos.testkit;

import java.util.ArrayList;
import java.util.List;

import org.revos.api.model.BowTiePhase;
import org.revos.api.model.ObjectType;
import org.revos.api.model.Pipeline;
import org.revos.api.model.Stage;
import org.revos.api.model.StageCategory;

/**
 * Pipelines as enabled stage models hand them to KPI calculators and probes. {@link #standard()} is the shape of the
 * shipped lifecycle model (leads RAW → MQL → SQL; deals QUALIFICATION → OPPORTUNITY → CLOSED_WON / CLOSED_LOST); build
 * others stage by stage:
 *
 * <pre>{@code
 * Pipeline renewals = Pipelines.deals("renewals").open("DUE").won("RENEWED").lost("CHURNED").build();
 * }</pre>
 */
public final class Pipelines {

    private final String id;
    private final ObjectType type;
    private final List<Stage> stages = new ArrayList<>();
    private boolean isDefault = true;

    private Pipelines(String id, ObjectType type) {
        this.id = id;
        this.type = type;
    }

    /** @return the lifecycle model's two pipelines, {@code leads} and {@code sales} */
    public static List<Pipeline> standard() {
        return List.of(leads("leads").open("RAW").open("MQL").open("SQL").build(),
                deals("sales").open("QUALIFICATION").open("OPPORTUNITY").won("CLOSED_WON").lost("CLOSED_LOST")
                        .build());
    }

    public static Pipelines deals(String id) {
        return new Pipelines(id, ObjectType.DEAL);
    }

    public static Pipelines leads(String id) {
        return new Pipelines(id, ObjectType.LEAD);
    }

    public Pipelines open(String stageId) {
        return stage(stageId, StageCategory.OPEN);
    }

    public Pipelines won(String stageId) {
        return stage(stageId, StageCategory.WON);
    }

    public Pipelines lost(String stageId) {
        return stage(stageId, StageCategory.LOST);
    }

    /** Adds a stage labelled by its id, probability 0.5, phase SELECTION, no entry criteria. */
    public Pipelines stage(String stageId, StageCategory category) {
        return stage(new Stage(stageId, stageId, category, 0.5, BowTiePhase.SELECTION, List.of(), false));
    }

    public Pipelines stage(Stage stage) {
        stages.add(stage);
        return this;
    }

    /** Marks the pipeline as not the default one of its object type. */
    public Pipelines notDefault() {
        isDefault = false;
        return this;
    }

    public Pipeline build() {
        return new Pipeline(id, type, isDefault, stages);
    }
}
