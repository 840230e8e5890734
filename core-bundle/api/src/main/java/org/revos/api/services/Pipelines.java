package org.revos.api.services;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.revos.api.model.Pipeline;
import org.revos.api.model.Tenant;

/** The pipelines of a tenant, as its active stage model and its property definitions make them. */
@ProviderType
public interface Pipelines {

    /**
     * @return the tenant's pipelines with every stage's entry requirements (the stage model's and those of the
     *         tenant's property definitions); empty when the tenant has no active stage model
     */
    List<Pipeline> effective(Tenant tenant);
}
