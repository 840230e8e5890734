package org.revos.testplugin;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.revos.api.model.BowTiePhase;
import org.revos.api.model.ObjectType;
import org.revos.api.model.Pipeline;
import org.revos.api.model.Stage;
import org.revos.api.model.StageCategory;
import org.revos.api.model.Tenant;
import org.revos.api.spi.StageModel;

/**
 * A review pipeline for the tenants that ask for it ({@code pipeline=true}). Its REVIEW stage requires a reviewer
 * and, from version 2 of this plugin on, an approver as well: updating the plugin changes the rule.
 */
@Component(service = StageModel.class)
public final class ReviewStageModel implements StageModel {

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<TenantGreeting> greetings;

    @Override
    public List<Pipeline> pipelines(Tenant tenant) {
        if (greetings.stream().noneMatch(g -> g.tenant().equals(tenant.id()) && g.pipeline())) {
            return List.of();
        }
        List<String> review = new ArrayList<>(List.of("reviewer"));
        if (FrameworkUtil.getBundle(ReviewStageModel.class).getVersion().getMajor() >= 2) {
            review.add("approver");
        }
        return List.of(new Pipeline("hello-review", ObjectType.DEAL, false, List.of(
                new Stage("NEW", "New", StageCategory.OPEN, 0.1, BowTiePhase.SELECTION, List.of(), false),
                new Stage("REVIEW", "Review", StageCategory.OPEN, 0.5, BowTiePhase.SELECTION, review, false),
                new Stage("DONE", "Done", StageCategory.WON, 1.0, BowTiePhase.COMMIT, List.of(), false))));
    }

    @Override
    public List<String> lossReasons(Tenant tenant) {
        return List.of();
    }
}
