package org.revos.runtime.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * An API key. Only the SHA-256 of the secret is stored; {@code tenantId} is {@code null} for platform-admin keys.
 */
@Entity
@Table(name = "API_KEYS", indexes = { @Index(name = "UQ_API_KEYS_HASH", columnList = "SECRETHASH", unique = true),
        @Index(name = "IX_API_KEYS_TENANT", columnList = "TENANTID") })
public class ApiKeyEntity {
    @Id
    @Column(length = 40)
    public String id;
    @Column(length = 40)
    public String tenantId;
    @Column(length = 200, nullable = false)
    public String name;
    @Column(length = 20, nullable = false)
    public String role;
    @Column(length = 64, nullable = false)
    public String secretHash;
    /** The first characters of the key, shown in lists so people can tell keys apart. */
    @Column(length = 16, nullable = false)
    public String prefix;
    public long createdAt;
    public Long revokedAt;
}
