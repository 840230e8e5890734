package org.revos.runtime.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * The first answer to a POST with an {@code Idempotency-Key}, written in the same transaction as the POST's effect so
 * a retry either finds it or finds nothing written. The id is the scope (tenant or platform), the caller's key id and
 * the Idempotency-Key, hashed.
 */
@Entity
@Table(name = "IDEMPOTENCY")
public class IdempotencyEntity {
    @Id
    @Column(length = 64)
    public String id;
    @Column(length = 64, nullable = false)
    public String requestHash;
    public int status;
    @Lob
    public String body;
    @Column(length = 500)
    public String location;
    public long createdAt;
}
