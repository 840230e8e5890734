package org.revos.stages.lifecycle.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One tenant's settings of the default lifecycle, set by an admin with
 * {@code PUT /api/v1/admin/tenants/{tenantId}/plugins/org.revos.stages.lifecycle {"enabled": true, "config": {...}}}.
 */
@ObjectClassDefinition(name = "RevOS default lifecycle: tenant settings",
        description = "Loss-reason codes, extra entry requirements, additional pipelines and MQL criteria for one"
                + " tenant")
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

    @AttributeDefinition(name = "MQL: countries",
            description = "ISO-3166 alpha-2 codes a lead's country must be one of to become an MQL; none: any country")
    String[] mqlCountries() default {};

    @AttributeDefinition(name = "MQL: minimum employees",
            description = "The company size a lead needs to become an MQL; 0: any size")
    int mqlMinimumEmployees() default 0;

    @AttributeDefinition(name = "MQL: title keywords",
            description = "A lead's title must contain one of these (ignoring case) to become an MQL; none: any title")
    String[] mqlTitleKeywords() default {};

    @AttributeDefinition(name = "MQL: qualifying activity types",
            description = "CALL, EMAIL, MEETING or NOTE: the activities linked to a lead that count as its qualifying"
                    + " action; none: any type (when a minimum is set)")
    String[] mqlActivityTypes() default {};

    @AttributeDefinition(name = "MQL: minimum qualifying activities",
            description = "How many qualifying activities a lead needs to become an MQL; 0 with no types: no"
                    + " qualifying action required")
    int mqlMinimumActivities() default 0;
}
