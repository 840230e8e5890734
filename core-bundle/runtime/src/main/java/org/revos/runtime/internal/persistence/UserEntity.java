package org.revos.runtime.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A person in the tenant's revenue team. */
@Entity
@Table(name = "USERS", uniqueConstraints = @UniqueConstraint(name = "UQ_USERS_EXT", columnNames = { "TENANT_ID", "EXTERNALID" }), indexes = @Index(name = "IX_USERS_EMAIL", columnList = "TENANT_ID, EMAIL"))
public class UserEntity extends TenantRow {
    @Column(length = 200, nullable = false)
    public String name;
    @Column(length = 320)
    public String email;
    @Column(length = 20, nullable = false)
    public String role;
    @Column(length = 100)
    public String team;
    @Column(length = 100)
    public String segment;
    public Integer capacity;
}
