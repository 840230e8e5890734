package org.revos.adoption.credit.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.revos.api.model.PropertyDefinition;
import org.revos.api.spi.AdoptionProbe;
import org.revos.api.spi.AdoptionTactic;
import org.revos.api.spi.Initiative;
import org.revos.api.spi.ProbeContext;
import org.revos.api.spi.ProbeResult;

/**
 * DEFINE: what the initiative introduces has a definition people can find, and a documentation link. A property
 * needs its property definition with a description; a stage must exist in a pipeline; a KPI must be offered to the
 * tenant. The link is the property definition's {@code documentationUrl} or the initiative's.
 */
@Component(service = AdoptionProbe.class)
public final class DefineProbe implements AdoptionProbe {

    @Override
    public String id() {
        return "define-documented";
    }

    @Override
    public AdoptionTactic tactic() {
        return AdoptionTactic.DEFINE;
    }

    @Override
    public String label() {
        return "it has a definition and a documentation link";
    }

    @Override
    public boolean appliesTo(Initiative initiative) {
        return Targets.hasTarget(initiative);
    }

    @Override
    public ProbeResult check(ProbeContext context) {
        Initiative i = context.initiative();
        String definition;
        String missing = null;
        String link = i.documentationUrl();
        if (Targets.isProperty(i)) {
            Optional<PropertyDefinition> d = context.data().propertyDefinitions()
                    .filter(p -> p.objectType() == i.objectType() && p.key().equals(i.property())).findFirst();
            if (d.isEmpty()) {
                return ProbeResult.missing("no property definition for " + Targets.what(i), "define "
                        + i.property() + " at /api/v1/properties with a description and a documentation link");
            }
            if (d.get().documentationUrl() != null) {
                link = d.get().documentationUrl();
            }
            definition = "property definition " + i.objectType() + "." + i.property() + " (" + d.get().type() + ")";
            if (d.get().description() == null || d.get().description().isBlank()) {
                missing = "describe " + i.property() + " in its property definition";
            }
        } else if (Targets.isStage(i)) {
            if (Targets.stages(i, context.pipelines()).isEmpty()) {
                return ProbeResult.missing("no pipeline has the stage " + i.stage(), "add the stage " + i.stage()
                        + " to the stage model");
            }
            definition = "stage " + String.join(", ", Targets.stages(i, context.pipelines()));
        } else {
            if (context.kpis().stream().noneMatch(k -> k.id().equals(i.kpi()))) {
                return ProbeResult.missing("no KPI " + i.kpi() + " is offered to the tenant", "enable the plugin"
                        + " that computes " + i.kpi());
            }
            definition = "KPI " + i.kpi();
        }
        String evidence = definition + (link == null ? ", no documentation link" : ", documented at " + link);
        if (link == null) {
            return ProbeResult.missing(evidence, missing != null ? missing + " and add a documentation link"
                    : "add a documentation link (documentationUrl) to the initiative or the property definition");
        }
        return missing == null ? ProbeResult.done(evidence) : ProbeResult.missing(evidence, missing);
    }
}
