package org.revos.integration.enrichment.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One tenant's settings, set by an admin with {@code PUT /api/v1/admin/tenants/{tenantId}/plugins/
 * org.revos.integration.enrichment {"enabled": true, "config": {"referenceFile": "firmographics.csv"}}}.
 */
@ObjectClassDefinition(name = "RevOS enrichment: tenant settings",
        description = "Where the tenant's firmographics reference file is")
@interface EnrichmentSettings {

    @AttributeDefinition(name = "Tenant", description = "Set by the runtime")
    String revos_tenant();

    @AttributeDefinition(name = "Reference file", description = "The CSV file (domain,country,employees,"
            + "industry,company), named relative to the tenant's folder REVOS_DATA_DIR/tenants/<tenantId>/files/;"
            + " absolute paths, '..' and links leading out are refused; empty: the platform's shared"
            + " REVOS_DATA_DIR/enrichment/firmographics.csv")
    String referenceFile() default "";
}
