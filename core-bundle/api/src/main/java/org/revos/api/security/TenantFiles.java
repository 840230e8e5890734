package org.revos.api.security;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The files a tenant may name. Every file a tenant's settings or requests name (a sync source or target, an
 * enrichment reference file) lives in that tenant's own folder under the runtime's data folder; a plugin that reads or
 * writes such a file asks this service, which the runtime provides, for the path, and never resolves a name itself.
 */
@ProviderType
public interface TenantFiles {

    /**
     * @param tenantId the tenant that named the file
     * @param name     a relative path inside the tenant's folder, such as {@code reference/firmographics.csv}
     * @return the file inside the tenant's folder (it need not exist yet), after normalisation and with every link
     *         on the way resolved
     * @throws IllegalArgumentException saying in plain words why the name is refused: absolute, climbing out with
     *                                  {@code ..}, leading out through a link, or holding characters a file name
     *                                  must not have
     * @throws IOException              when the tenant's folder cannot be created or read
     */
    Path resolve(String tenantId, String name) throws IOException;
}
