package org.revos.adoption.credit.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.revos.api.model.Stage;
import org.revos.api.spi.AdoptionProbe;
import org.revos.api.spi.AdoptionTactic;
import org.revos.api.spi.Initiative;
import org.revos.api.spi.ProbeContext;
import org.revos.api.spi.ProbeResult;

/**
 * ENFORCE: the stage model makes the action unavoidable. For a property of leads or deals, some stage requires it
 * (as a required property or an entry criterion); for a stage, the stage has entry requirements.
 */
@Component(service = AdoptionProbe.class)
public final class EnforceProbe implements AdoptionProbe {

    @Override
    public String id() {
        return "enforce-stage-requirement";
    }

    @Override
    public AdoptionTactic tactic() {
        return AdoptionTactic.ENFORCE;
    }

    @Override
    public String label() {
        return "the stage model requires it";
    }

    @Override
    public boolean appliesTo(Initiative initiative) {
        return Targets.isProperty(initiative) && Targets.isObjectWithStages(initiative.objectType())
                || Targets.isStage(initiative);
    }

    @Override
    public ProbeResult check(ProbeContext context) {
        Initiative i = context.initiative();
        if (Targets.isProperty(i)) {
            List<String> requiring = Targets.pipelines(i, context.pipelines()).flatMap(p -> p.stages().stream()
                    .filter(s -> Targets.requires(s, i.property())).map(s -> p.id() + "/" + s.id())).toList();
            return requiring.isEmpty()
                    ? ProbeResult.missing("no stage of the " + i.objectType().name().toLowerCase() + " pipelines"
                            + " requires " + i.property(), "require " + i.property() + " in a stage: set the"
                                    + " property definition's requiredInStages, or configure the stage model")
                    : ProbeResult.done(String.join(", ", requiring) + " require(s) " + i.property());
        }
        List<String> guarded = Targets.pipelines(i, context.pipelines()).flatMap(p -> p.stages().stream()
                .filter(s -> s.id().equals(i.stage()) && hasRequirements(s)).map(s -> p.id() + "/" + s.id()))
                .toList();
        if (guarded.isEmpty()) {
            return ProbeResult.missing(Targets.stages(i, context.pipelines()).isEmpty()
                    ? "no pipeline has the stage " + i.stage() : "the stage " + i.stage() + " has no entry requirement",
                    "give the stage " + i.stage() + " entry requirements (required properties, criteria or allowed"
                            + " moves)");
        }
        return ProbeResult.done(String.join(", ", guarded) + " check(s) entry requirements");
    }

    private static boolean hasRequirements(Stage s) {
        return !s.requiredProperties().isEmpty() || !s.entryCriteria().isEmpty() || !s.allowedFrom().isEmpty()
                || s.requiresLossReason();
    }
}
