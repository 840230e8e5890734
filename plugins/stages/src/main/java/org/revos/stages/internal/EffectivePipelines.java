package org.revos.stages.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.revos.api.model.Pipeline;
import org.revos.api.model.Tenant;
import org.revos.api.query.RevosData;
import org.revos.api.services.Pipelines;

/** The tenant's pipelines with the entry requirements its property definitions add, for other capabilities. */
@Component(service = Pipelines.class)
public final class EffectivePipelines implements Pipelines {

    private final StageModels models;
    private final RevosData data;

    @Activate
    public EffectivePipelines(@Reference StageModels models, @Reference RevosData data) {
        this.models = models;
        this.data = data;
    }

    @Override
    public List<Pipeline> effective(Tenant tenant) {
        return models.forTenant(tenant).effectivePipelines(data.forTenant(tenant.id()).propertyDefinitions().toList());
    }
}
