package org.revos.api.query;

import java.util.NoSuchElementException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Entry point for plugins that read tenant data; the runtime registers it as an OSGi service.
 */
@ProviderType
public interface RevosData {

    /**
     * @param tenantId a tenant's id, usually the one a call into the plugin was made for
     * @return a view scoped to that tenant
     * @throws NoSuchElementException when no such tenant exists
     */
    TenantData forTenant(String tenantId);
}
