package org.revos.runtime.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** Whether a plugin is enabled for a tenant, and the tenant's configuration of it. Managed by platform admins. */
@Entity
@Table(name = "TENANT_PLUGINS")
public class TenantPluginEntity {
    /** {@code tenantId + "/" + pluginId} */
    @Id
    @Column(length = 300)
    public String id;
    @Column(length = 40, nullable = false)
    public String tenantId;
    @Column(length = 255, nullable = false)
    public String pluginId;
    public boolean enabled;
    @Lob
    public String configJson;
    public long updatedAt;
}
