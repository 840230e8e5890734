package org.revos.kernel.spi;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A row owned by one tenant, the superclass of every tenant-scoped entity, the kernel's and the engines'. EclipseLink
 * adds {@code TENANT_ID = :tenant} to every query and sets it on every insert from the entity manager's
 * {@link #TENANT_PROPERTY}, so an engine cannot read or write another tenant's rows by mistake. Instants are stored as
 * epoch milliseconds.
 */
@MappedSuperclass
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "TENANT_ID", contextProperty = TenantRow.TENANT_PROPERTY, length = 40)
public abstract class TenantRow {

    /** The entity-manager property EclipseLink reads the tenant discriminator from. */
    public static final String TENANT_PROPERTY = "revos.tenant";

    @Id
    @Column(length = 40)
    public String id;

    @Column(length = 200)
    public String externalId;

    public long createdAt;

    public long updatedAt;

    @Version
    public long version;
}
