package org.revos.integration.enrichment.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.revos.api.model.Tenant;
import org.revos.api.security.TenantFiles;
import org.revos.api.spi.EnrichmentProvider;
import org.revos.api.spi.EnrichmentRequest;
import org.revos.api.spi.Firmographics;

/**
 * Answers enrichment requests from the tenant's reference file: its configured {@code referenceFile}, a name inside
 * the tenant's own folder that the runtime resolves ({@link TenantFiles}), or the platform's shared
 * {@code REVOS_DATA_DIR/enrichment/firmographics.csv} when it configured none. The file is parsed once and read again
 * only when it changes. A tenant whose file does not exist gets no answers; a name that leaves the tenant's folder
 * fails every request with the reason, and nothing outside is read.
 */
@Component
public final class ReferenceFileProvider implements EnrichmentProvider {

    static final String DEFAULT_FILE = "firmographics.csv";

    private final List<TenantReference> settings = new CopyOnWriteArrayList<>();
    private final ReferenceCache cache = new ReferenceCache();
    private final Path folder;
    private final TenantFiles files;

    @Activate
    public ReferenceFileProvider(@Reference TenantFiles files) {
        this(dataDir().resolve("enrichment"), files);
    }

    ReferenceFileProvider(Path folder, TenantFiles files) {
        this.folder = folder;
        this.files = files;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSettings(TenantReference tenantSettings) {
        settings.add(tenantSettings);
    }

    void removeSettings(TenantReference tenantSettings) {
        settings.remove(tenantSettings);
    }

    @Override
    public Optional<Firmographics> enrich(Tenant tenant, EnrichmentRequest request) throws Exception {
        return cache.get(fileOf(tenant.id())).map(f -> f.find(request.domain()));
    }

    /**
     * @return the reference file the tenant uses
     * @throws IOException when the tenant's setting names a file outside its folder
     */
    Path fileOf(String tenantId) throws IOException {
        String configured = settings.stream().filter(s -> tenantId.equals(s.tenantId())).map(
                TenantReference::referenceFile).filter(f -> f != null).findFirst().orElse(null);
        if (configured == null) {
            return folder.resolve(DEFAULT_FILE);
        }
        try {
            return files.resolve(tenantId, configured);
        } catch (IllegalArgumentException e) {
            throw new IOException("The reference file '" + configured + "' set for tenant " + tenantId + " was"
                    + " refused and not read: it " + e.getMessage() + ". Set referenceFile to a file in the tenant's"
                    + " folder (REVOS_DATA_DIR/tenants/" + tenantId + "/files/).", e);
        }
    }

    /** The runtime's data folder, read the way the runtime reads it: system property, then environment. */
    private static Path dataDir() {
        String dir = System.getProperty("revos.data.dir");
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("REVOS_DATA_DIR");
        }
        return Path.of(dir == null || dir.isBlank() ? "./data" : dir);
    }
}
