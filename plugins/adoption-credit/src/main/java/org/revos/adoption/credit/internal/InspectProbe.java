package org.revos.adoption.credit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Component;
import org.revos.api.model.ObjectType;
import org.revos.api.query.TenantData;
import org.revos.api.spi.AdoptionProbe;
import org.revos.api.spi.AdoptionTactic;
import org.revos.api.spi.Initiative;
import org.revos.api.spi.ProbeContext;
import org.revos.api.spi.ProbeResult;

/**
 * INSPECT: managers can see whether the process is followed, and it is. For a property: of the records of its
 * object type changed in the last 30 days, the share that have it set; done from {@value #COMPLIANT} on. For a stage:
 * a stage KPI inspects it and objects entered it in the last 30 days. For a KPI: a goal is set on it, so the goal
 * matrix shows it against a target.
 */
@Component(service = AdoptionProbe.class)
public final class InspectProbe implements AdoptionProbe {

    static final double COMPLIANT = 0.9;
    private static final Duration WINDOW = Duration.ofDays(30);

    @Override
    public String id() {
        return "inspect-compliance";
    }

    @Override
    public AdoptionTactic tactic() {
        return AdoptionTactic.INSPECT;
    }

    @Override
    public String label() {
        return "managers inspect it, and records comply";
    }

    @Override
    public boolean appliesTo(Initiative initiative) {
        return Targets.hasTarget(initiative);
    }

    @Override
    public ProbeResult check(ProbeContext context) {
        Initiative i = context.initiative();
        Instant since = context.now().minus(WINDOW);
        if (Targets.isProperty(i)) {
            long[] counts = new long[2]; // changed, compliant
            records(context.data(), i.objectType()).filter(r -> !r.updatedAt().isBefore(since)
                    && r.updatedAt().isBefore(context.now())).forEach(r -> {
                        counts[0]++;
                        Object value = r.properties().get(i.property());
                        if (value != null && !(value instanceof String s && s.isBlank())) {
                            counts[1]++;
                        }
                    });
            String kind = i.objectType().name().toLowerCase() + "s";
            if (counts[0] == 0) {
                return ProbeResult.missing("no " + kind + " changed in the last 30 days", "nothing to inspect yet:"
                        + " compliance is measured on " + kind + " changed in the last 30 days");
            }
            double share = (double) counts[1] / counts[0];
            String evidence = counts[1] + " of " + counts[0] + " " + kind + " changed in the last 30 days have "
                    + i.property() + String.format(" (%.1f %%); the property usage report (/api/v1/properties/usage)"
                            + " shows it", share * 100);
            return new ProbeResult(share >= COMPLIANT, evidence, share, share >= COMPLIANT ? null
                    : "bring " + i.property() + " to at least " + Math.round(COMPLIANT * 100) + " % of " + kind
                            + ": inspect the " + (counts[0] - counts[1]) + " without it and fix them");
        }
        if (Targets.isStage(i)) {
            boolean kpi = context.kpis().stream().anyMatch(k -> k.id().equals("stage_volume"));
            long entered = Stream.of(ObjectType.LEAD, ObjectType.DEAL)
                    .filter(t -> i.objectType() == null || i.objectType() == t)
                    .flatMap(t -> context.data().transitions(t, since, context.now()))
                    .filter(t -> t.toStage().equals(i.stage()) && (i.pipeline() == null
                            || i.pipeline().equals(t.pipeline()))).count();
            String evidence = (kpi ? "stage_volume inspects the stage" : "no stage KPI is enabled") + "; " + entered
                    + " object(s) entered " + i.stage() + " in the last 30 days";
            if (!kpi) {
                return ProbeResult.missing(evidence, "enable a funnel KPI plugin so managers see stage volumes");
            }
            return entered > 0 ? ProbeResult.done(evidence) : ProbeResult.missing(evidence, "nothing entered "
                    + i.stage() + " in the last 30 days: check that the process is followed");
        }
        long goals = context.data().goals().filter(g -> g.kpi().equals(i.kpi())).count();
        String evidence = goals + " goal(s) set on " + i.kpi();
        return goals > 0 ? ProbeResult.done(evidence + "; the goal matrix inspects it")
                : ProbeResult.missing(evidence, "set a goal on " + i.kpi() + " so the goal matrix inspects it");
    }

    /** A record with custom properties, as far as compliance goes. */
    private record Row(Instant updatedAt, Map<String, Object> properties) {
    }

    private static Stream<Row> records(TenantData data, ObjectType type) {
        return switch (type) {
            case LEAD -> data.leads().map(l -> new Row(l.updatedAt(), l.properties()));
            case DEAL -> data.deals().map(d -> new Row(d.updatedAt(), d.properties()));
            case ACCOUNT -> data.accounts().map(a -> new Row(a.updatedAt(), a.properties()));
            case CONTACT -> data.contacts().map(c -> new Row(c.updatedAt(), c.properties()));
            default -> Stream.empty();
        };
    }
}
