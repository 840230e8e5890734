package org.revos.runtime.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A person at an account. */
@Entity
@Table(name = "CONTACTS", uniqueConstraints = @UniqueConstraint(name = "UQ_CONTACTS_EXT", columnNames = { "TENANT_ID", "EXTERNALID" }), indexes = @Index(name = "IX_CONTACTS_ACC", columnList = "TENANT_ID, ACCOUNTID"))
public class ContactEntity extends TenantRow {
    @Column(length = 40)
    public String accountId;
    @Column(length = 200, nullable = false)
    public String name;
    @Column(length = 320)
    public String email;
    @Column(length = 200)
    public String title;
    @Column(length = 32000)
    public String properties;
}
