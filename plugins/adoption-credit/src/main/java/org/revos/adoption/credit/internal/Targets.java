package org.revos.adoption.credit.internal;

import java.util.List;
import java.util.stream.Stream;

import org.revos.api.model.EntryCriterion;
import org.revos.api.model.ObjectType;
import org.revos.api.model.Pipeline;
import org.revos.api.model.Stage;
import org.revos.api.spi.Initiative;

/** What an initiative is about, and where in the tenant's pipelines that lives. */
final class Targets {

    private Targets() {
    }

    static boolean isProperty(Initiative i) {
        return i.property() != null && i.objectType() != null;
    }

    static boolean isStage(Initiative i) {
        return i.property() == null && i.stage() != null;
    }

    /** @return whether the initiative names something a probe can look at: a property, a stage or a KPI */
    static boolean hasTarget(Initiative i) {
        return isProperty(i) || isStage(i) || isKpi(i);
    }

    static boolean isKpi(Initiative i) {
        return i.property() == null && i.stage() == null && i.kpi() != null;
    }

    /** @return the pipelines of the initiative's object type (and pipeline, if it names one) */
    static Stream<Pipeline> pipelines(Initiative i, List<Pipeline> all) {
        return all.stream().filter(p -> i.objectType() == null || p.objectType() == i.objectType())
                .filter(p -> i.pipeline() == null || p.id().equals(i.pipeline()));
    }

    /** @return "pipeline/stage" for every stage of the initiative's pipelines with the initiative's stage id */
    static List<String> stages(Initiative i, List<Pipeline> all) {
        return pipelines(i, all).flatMap(p -> p.stages().stream().filter(s -> s.id().equals(i.stage()))
                .map(s -> p.id() + "/" + s.id())).toList();
    }

    static String what(Initiative i) {
        if (isProperty(i)) {
            return "the " + i.objectType().name().toLowerCase() + " property " + i.property();
        }
        if (isStage(i)) {
            return "the stage " + i.stage();
        }
        return i.kpi() == null ? "the initiative" : "the KPI " + i.kpi();
    }

    static boolean requires(Stage stage, String property) {
        return stage.requiredProperties().contains(property) || stage.entryCriteria().stream()
                .anyMatch(c -> criterionField(c).equals("properties." + property));
    }

    private static String criterionField(EntryCriterion c) {
        if (c instanceof EntryCriterion.FieldIn f) {
            return f.field();
        }
        if (c instanceof EntryCriterion.FieldAtLeast f) {
            return f.field();
        }
        if (c instanceof EntryCriterion.FieldContainsAny f) {
            return f.field();
        }
        return "";
    }

    static boolean isObjectWithStages(ObjectType type) {
        return type == ObjectType.LEAD || type == ObjectType.DEAL;
    }
}
