package org.revos.stages.internal;

import java.util.List;
import java.util.concurrent.Callable;

import org.osgi.framework.ServiceReference;
import org.revos.api.model.Pipeline;
import org.revos.api.model.Tenant;
import org.revos.api.spi.StageModel;
import org.revos.kernel.spi.PluginCallFailed;
import org.revos.kernel.spi.PluginCalls;
import org.revos.runtime.internal.plugins.BundlelessReference;

/** Stage models offering fixed pipelines to every tenant, as if a stages plugin were installed and enabled. */
final class FixedStageModels {

    private FixedStageModels() {
    }

    static StageModels of(List<Pipeline> pipelines, List<String> lossReasons) {
        StageModels models = new StageModels(new PluginCalls() {
            @Override
            public String pluginId(ServiceReference<?> service) {
                return "org.revos.test.stages";
            }

            @Override
            public boolean enabled(String tenantId, String pluginId) {
                return true;
            }

            @Override
            public <T> T call(String pluginId, String tenantId, String operation, Callable<T> work)
                    throws PluginCallFailed {
                try {
                    return work.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        models.addModel(BundlelessReference.of(StageModel.class), new StageModel() {
            @Override
            public List<Pipeline> pipelines(Tenant tenant) {
                return pipelines;
            }

            @Override
            public List<String> lossReasons(Tenant tenant) {
                return lossReasons;
            }
        });
        return models;
    }
}
