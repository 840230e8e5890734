package org.revos.stages.lifecycle.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.revos.api.model.BowTiePhase;
import org.revos.api.model.ObjectType;
import org.revos.api.model.Pipeline;
import org.revos.api.model.Stage;
import org.revos.api.model.StageCategory;
import org.revos.api.model.Tenant;
import org.revos.api.spi.StageModel;

/**
 * The default stage models:
 * <ul>
 * <li>lead lifecycle {@code lead-lifecycle}: Raw lead, MQL (the tenant's demographic rule and qualifying action),
 * SAL (from MQL only), SQL (from SAL only), and Disqualified;</li>
 * <li>opportunity pipeline {@code sales}: Qualification, Opportunity (needs named stakeholders, a timeline and a
 * budget range), Proposal and Negotiation (not without passing Opportunity), Closed Won and Closed Lost (from any
 * open stage; Lost needs a loss reason from the tenant's codes), and Churned, the right side of the bow tie: the
 * only way out of Closed Won, with the reason the customer left.</li>
 * </ul>
 * Win probabilities rise through the pipeline; bow-tie phases run from Awareness to Commit (the first close) and
 * Impact for a churned customer. A tenant's {@link TenantLifecycle} settings replace the loss-reason codes, add
 * entry requirements to stages, set the MQL criteria and add deal pipelines with the stages of {@code sales}.
 */
@Component(property = "revos.stagemodel.id=lifecycle")
public final class DefaultStageModel implements StageModel {

    /** Loss-reason codes every tenant starts with. */
    static final List<String> LOSS_REASONS = List.of("PRICE", "TIMING", "COMPETITOR", "NO_BUDGET", "NO_DECISION",
            "PRODUCT_FIT");

    static final String MQL = "MQL";

    static final Pipeline LEADS = new Pipeline("lead-lifecycle", ObjectType.LEAD, true, List.of(
            stage("RAW", "Raw lead", StageCategory.OPEN, 0.01, BowTiePhase.AWARENESS),
            stage(MQL, "Marketing qualified lead", StageCategory.OPEN, 0.05, BowTiePhase.EDUCATION),
            stage("SAL", "Sales accepted lead", StageCategory.OPEN, 0.1, BowTiePhase.EDUCATION).enteredFrom(MQL),
            stage("SQL", "Sales qualified lead", StageCategory.OPEN, 0.2, BowTiePhase.SELECTION).enteredFrom("SAL"),
            stage("DISQUALIFIED", "Disqualified", StageCategory.LOST, 0.0, BowTiePhase.EDUCATION)));

    private static final String[] OPEN_DEAL_STAGES = { "QUALIFICATION", "OPPORTUNITY", "PROPOSAL", "NEGOTIATION" };

    static final Pipeline SALES = new Pipeline("sales", ObjectType.DEAL, true, List.of(
            stage("QUALIFICATION", "Qualification", StageCategory.OPEN, 0.1, BowTiePhase.SELECTION)
                    .enteredFrom("OPPORTUNITY", "PROPOSAL", "NEGOTIATION", "CLOSED_LOST"),
            new Stage("OPPORTUNITY", "Opportunity", StageCategory.OPEN, 0.3, BowTiePhase.SELECTION,
                    List.of("stakeholders", "timeline", "budgetRange"), false)
                    .enteredFrom("QUALIFICATION", "PROPOSAL", "NEGOTIATION", "CLOSED_LOST"),
            stage("PROPOSAL", "Proposal", StageCategory.OPEN, 0.5, BowTiePhase.SELECTION)
                    .enteredFrom("OPPORTUNITY", "NEGOTIATION"),
            stage("NEGOTIATION", "Negotiation", StageCategory.OPEN, 0.7, BowTiePhase.COMMIT)
                    .enteredFrom("OPPORTUNITY", "PROPOSAL"),
            stage("CLOSED_WON", "Closed Won", StageCategory.WON, 1.0, BowTiePhase.COMMIT).enteredFrom(OPEN_DEAL_STAGES),
            new Stage("CLOSED_LOST", "Closed Lost", StageCategory.LOST, 0.0, BowTiePhase.SELECTION, List.of(),
                    true).enteredFrom(OPEN_DEAL_STAGES),
            new Stage("CHURNED", "Churned", StageCategory.CHURNED, 0.0, BowTiePhase.IMPACT, List.of(), true)
                    .enteredFrom("CLOSED_WON")));

    private final List<TenantLifecycle> settings = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSettings(TenantLifecycle tenantSettings) {
        settings.add(tenantSettings);
    }

    void removeSettings(TenantLifecycle tenantSettings) {
        settings.remove(tenantSettings);
    }

    @Override
    public List<Pipeline> pipelines(Tenant tenant) {
        TenantLifecycle own = settingsOf(tenant);
        if (own == null) {
            return List.of(LEADS, SALES);
        }
        List<Pipeline> pipelines = new ArrayList<>();
        pipelines.add(withRequirements(LEADS, own));
        pipelines.add(withRequirements(SALES, own));
        for (String id : own.additionalPipelines()) {
            if (!id.equals(LEADS.id()) && !id.equals(SALES.id())) {
                pipelines.add(withRequirements(new Pipeline(id, ObjectType.DEAL, false, SALES.stages()), own));
            }
        }
        return pipelines;
    }

    @Override
    public List<String> lossReasons(Tenant tenant) {
        TenantLifecycle own = settingsOf(tenant);
        return own == null || own.lossReasons().isEmpty() ? LOSS_REASONS : own.lossReasons();
    }

    private TenantLifecycle settingsOf(Tenant tenant) {
        return settings.stream().filter(s -> tenant.id().equals(s.tenantId())).findFirst().orElse(null);
    }

    private static Pipeline withRequirements(Pipeline pipeline, TenantLifecycle own) {
        List<Stage> stages = pipeline.stages().stream().map(s -> {
            Stage configured = s.withRequiredProperties(own.extraRequired().getOrDefault(s.id(), List.of()));
            return s.id().equals(MQL) && pipeline.objectType() == ObjectType.LEAD
                    ? configured.withEntryCriteria(own.mqlCriteria()) : configured;
        }).toList();
        return new Pipeline(pipeline.id(), pipeline.objectType(), pipeline.isDefault(), stages);
    }

    private static Stage stage(String id, String label, StageCategory category, double probability,
            BowTiePhase phase) {
        return new Stage(id, label, category, probability, phase, List.of(), false);
    }
}
