package org.revos.runtime.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A client of the installation. Platform-level: not itself tenant-scoped. */
@Entity
@Table(name = "TENANTS")
public class TenantEntity {
    @Id
    @Column(length = 40)
    public String id;
    @Column(length = 200, nullable = false)
    public String name;
    @Column(length = 3, nullable = false)
    public String currency;
    @Column(length = 64, nullable = false)
    public String timeZone;
    public long createdAt;
}
