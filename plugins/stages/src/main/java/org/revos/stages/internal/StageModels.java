package org.revos.stages.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.revos.api.model.Pipeline;
import org.revos.api.model.Tenant;
import org.revos.api.spi.StageModel;
import org.revos.kernel.spi.Contributions;
import org.revos.kernel.spi.PluginCallFailed;
import org.revos.kernel.spi.PluginCalls;
import org.revos.kernel.spi.TenantTransaction;

/**
 * The stage models of every plugin, asked per tenant through the plugin gateway. A model of a plugin that is
 * disabled for the tenant contributes nothing; a model that fails or times out is skipped (and counted by the
 * gateway) so the others still answer.
 */
@Component(service = StageModels.class)
public final class StageModels {

    private static final Logger LOG = Logger.getLogger(StageModels.class.getName());

    private final PluginCalls gateway;
    private final Contributions<StageModel> models;

    @Activate
    public StageModels(@Reference PluginCalls gateway) {
        this.gateway = gateway;
        this.models = new Contributions<>(gateway);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addModel(ServiceReference<StageModel> ref, StageModel model) {
        models.add(ref, model);
    }

    void removeModel(ServiceReference<StageModel> ref) {
        models.remove(ref);
    }

    /**
     * @return {@link #forTenant(Tenant)}, asked once per transaction: an import's batch of a thousand leads asks the
     *         models once, not a thousand times
     */
    public StageCatalog forTenant(TenantTransaction tx, Tenant tenant) {
        return tx.once("org.revos.stages:catalog", () -> forTenant(tenant));
    }

    /** @return the pipelines and loss reasons of the models enabled for the tenant (empty when none is active) */
    public StageCatalog forTenant(Tenant tenant) {
        List<Pipeline> pipelines = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        Set<String> lossReasons = new LinkedHashSet<>();
        boolean active = false;
        for (Contributions.Contribution<StageModel> c : models.enabledFor(tenant.id())) {
            String pluginId = c.pluginId();
            StageModel model = c.service();
            try {
                List<Pipeline> contributed = gateway.call(pluginId, tenant.id(), "stage model pipelines",
                        () -> model.pipelines(tenant));
                List<String> reasons = gateway.call(pluginId, tenant.id(), "stage model loss reasons",
                        () -> model.lossReasons(tenant));
                active = true;
                for (Pipeline p : contributed) {
                    if (ids.add(p.id())) {
                        pipelines.add(p);
                    } else {
                        LOG.warning("Pipeline " + p.id() + " of " + pluginId + " is ignored for tenant " + tenant.id()
                                + ": another stage model already provides a pipeline with that id");
                    }
                }
                lossReasons.addAll(reasons);
            } catch (PluginCallFailed e) {
                LOG.log(Level.WARNING, e.getMessage(), e.getCause());
            }
        }
        return new StageCatalog(active, pipelines, List.copyOf(lossReasons));
    }
}
