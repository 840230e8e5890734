package org.revos.runtime.internal.stages;

import java.util.List;

import org.revos.api.model.Pipeline;
import org.revos.api.model.Tenant;
import org.revos.api.spi.StageModel;
import org.revos.runtime.internal.gateway.PluginGateway;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.plugins.BundlelessReference;
import org.revos.runtime.internal.plugins.TenantPlugins;

/** Stage models offering fixed pipelines to every tenant, as if a stages plugin were installed. */
public final class FixedStageModels {

    private FixedStageModels() {
    }

    public static StageModels of(Store store, List<Pipeline> pipelines) {
        StageModels models = new StageModels(new TenantPlugins(store), new PluginGateway());
        models.addModel(BundlelessReference.of(StageModel.class), new StageModel() {
            @Override
            public List<Pipeline> pipelines(Tenant tenant) {
                return pipelines;
            }

            @Override
            public List<String> lossReasons(Tenant tenant) {
                return List.of();
            }
        });
        return models;
    }
}
