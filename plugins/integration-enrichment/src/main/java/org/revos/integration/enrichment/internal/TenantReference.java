package org.revos.integration.enrichment.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/** The reference file one tenant configured: one component per factory configuration the runtime writes. */
@Component(service = TenantReference.class, configurationPid = TenantReference.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = EnrichmentSettings.class, factory = true)
public final class TenantReference {

    static final String PID = "org.revos.integration.enrichment";

    private final String tenantId;
    private final String referenceFile;

    @Activate
    public TenantReference(EnrichmentSettings settings) {
        this(settings.revos_tenant(), settings.referenceFile());
    }

    TenantReference(String tenantId, String referenceFile) {
        this.tenantId = tenantId;
        this.referenceFile = referenceFile == null || referenceFile.isBlank() ? null : referenceFile.strip();
    }

    String tenantId() {
        return tenantId;
    }

    /** @return the configured path, {@code null} for the default */
    String referenceFile() {
        return referenceFile;
    }
}
