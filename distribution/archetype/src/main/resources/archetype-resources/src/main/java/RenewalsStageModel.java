package ${package};

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
 * A {@code renewals} deal pipeline next to the tenant's others: RENEWAL_DUE → RENEWAL_AGREED, or RENEWAL_LOST with one
 * of this model's loss reasons. The stage engine asks every model enabled for a tenant on each transition and
 * enforces what the target stage requires; a deal enters this pipeline when it is created with
 * {@code "pipeline": "renewals"}. {@code revos.stagemodel.id} makes the runtime refuse (409) the install of another
 * plugin that offers a stage model of the same id.
 */
@Component(service = StageModel.class, property = "revos.stagemodel.id=" + RenewalsStageModel.PIPELINE)
public final class RenewalsStageModel implements StageModel {

    static final String PIPELINE = "renewals";
    static final List<String> LOSS_REASONS = List.of("PRICE_INCREASE", "MOVED_TO_COMPETITOR", "NO_LONGER_NEEDED");

    @Override
    public List<Pipeline> pipelines(Tenant tenant) {
        return List.of(new Pipeline(PIPELINE, ObjectType.DEAL, false, List.of(
                new Stage("RENEWAL_DUE", "Renewal due", StageCategory.OPEN, 0.7, BowTiePhase.EXPANSION, List.of(),
                        false),
                new Stage("RENEWAL_AGREED", "Renewal agreed", StageCategory.WON, 1.0, BowTiePhase.EXPANSION,
                        List.of(), false),
                new Stage("RENEWAL_LOST", "Renewal lost", StageCategory.LOST, 0.0, BowTiePhase.EXPANSION, List.of(),
                        true))));
    }

    @Override
    public List<String> lossReasons(Tenant tenant) {
        return LOSS_REASONS;
    }
}
