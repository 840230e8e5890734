package org.revos.stages.lifecycle.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
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
 * <li>lead lifecycle {@code lead-lifecycle}: Raw lead, MQL, SAL, SQL, and Disqualified;</li>
 * <li>opportunity pipeline {@code sales}: Qualification, Opportunity (needs named stakeholders, a timeline and a
 * budget range), Proposal, Negotiation, Closed Won, Closed Lost (needs a loss reason from the tenant's codes).</li>
 * </ul>
 * Win probabilities rise through the pipeline; bow-tie phases run from Awareness to Commit (the first close).
 */
@Component(property = "revos.stagemodel.id=lifecycle")
public final class DefaultStageModel implements StageModel {

    /** Loss-reason codes every tenant starts with. */
    static final List<String> LOSS_REASONS = List.of("PRICE", "TIMING", "COMPETITOR", "NO_BUDGET", "NO_DECISION",
            "PRODUCT_FIT");

    static final Pipeline LEADS = new Pipeline("lead-lifecycle", ObjectType.LEAD, true, List.of(
            stage("RAW", "Raw lead", StageCategory.OPEN, 0.01, BowTiePhase.AWARENESS),
            stage("MQL", "Marketing qualified lead", StageCategory.OPEN, 0.05, BowTiePhase.EDUCATION),
            stage("SAL", "Sales accepted lead", StageCategory.OPEN, 0.1, BowTiePhase.EDUCATION),
            stage("SQL", "Sales qualified lead", StageCategory.OPEN, 0.2, BowTiePhase.SELECTION),
            stage("DISQUALIFIED", "Disqualified", StageCategory.LOST, 0.0, BowTiePhase.EDUCATION)));

    static final Pipeline SALES = new Pipeline("sales", ObjectType.DEAL, true, List.of(
            stage("QUALIFICATION", "Qualification", StageCategory.OPEN, 0.1, BowTiePhase.SELECTION),
            new Stage("OPPORTUNITY", "Opportunity", StageCategory.OPEN, 0.3, BowTiePhase.SELECTION,
                    List.of("stakeholders", "timeline", "budgetRange"), false),
            stage("PROPOSAL", "Proposal", StageCategory.OPEN, 0.5, BowTiePhase.SELECTION),
            stage("NEGOTIATION", "Negotiation", StageCategory.OPEN, 0.7, BowTiePhase.COMMIT),
            stage("CLOSED_WON", "Closed Won", StageCategory.WON, 1.0, BowTiePhase.COMMIT),
            new Stage("CLOSED_LOST", "Closed Lost", StageCategory.LOST, 0.0, BowTiePhase.SELECTION, List.of(),
                    true)));

    @Override
    public List<Pipeline> pipelines(Tenant tenant) {
        return List.of(LEADS, SALES);
    }

    @Override
    public List<String> lossReasons(Tenant tenant) {
        return LOSS_REASONS;
    }

    private static Stage stage(String id, String label, StageCategory category, double probability,
            BowTiePhase phase) {
        return new Stage(id, label, category, probability, phase, List.of(), false);
    }
}
