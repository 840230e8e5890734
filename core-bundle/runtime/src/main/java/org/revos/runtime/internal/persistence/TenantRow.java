package org.revos.runtime.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A row owned by one tenant. EclipseLink adds {@code TENANT_ID = :tenant} to every query and sets it on every insert
 * from the entity manager's {@link Database#TENANT_PROPERTY}. Instants are stored as epoch milliseconds.
 */
@MappedSuperclass
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "TENANT_ID", contextProperty = Database.TENANT_PROPERTY, length = 40)
public abstract class TenantRow {

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
