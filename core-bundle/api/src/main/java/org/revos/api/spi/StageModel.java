package org.revos.api.spi;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.revos.api.model.Pipeline;
import org.revos.api.model.Tenant;

/**
 * Contributes the pipelines a tenant's leads and deals move through. The stage engine asks every model enabled for
 * the tenant on each transition and enforces the entry requirements of the target stage.
 */
@ConsumerType
public interface StageModel {

    /** @return the pipelines of this model for the tenant; ids are unique within the tenant */
    List<Pipeline> pipelines(Tenant tenant);

    /** @return the codes a LOST stage accepts as loss reason for the tenant */
    List<String> lossReasons(Tenant tenant);
}
