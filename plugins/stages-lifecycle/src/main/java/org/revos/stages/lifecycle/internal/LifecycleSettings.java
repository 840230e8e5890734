package org.revos.stages.lifecycle.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One tenant's settings of the default lifecycle, set by an admin with
 * {@code PUT /api/v1/admin/tenants/{tenantId}/plugins/org.revos.stages.lifecycle {"enabled": true, "config": {...}}}.
 */
@ObjectClassDefinition(name = "RevOS default lifecycle: tenant settings",
        description = "Loss-reason codes, extra entry requirements and additional pipelines for one tenant")
@interface LifecycleSettings {

    @AttributeDefinition(name = "Tenant", description = "Set by the runtime")
    String revos_tenant();

    @AttributeDefinition(name = "Loss-reason codes",
            description = "The codes Closed Lost accepts; replaces the default list when given")
    String[] lossReasons() default {};

    @AttributeDefinition(name = "Extra required properties",
            description = "STAGE:property entries, e.g. OPPORTUNITY:competitor, added to the stage's entry requirements")
    String[] extraRequiredProperties() default {};

    @AttributeDefinition(name = "Additional deal pipelines",
            description = "Ids of more deal pipelines with the stages of 'sales', e.g. one per segment")
    String[] additionalDealPipelines() default {};
}
