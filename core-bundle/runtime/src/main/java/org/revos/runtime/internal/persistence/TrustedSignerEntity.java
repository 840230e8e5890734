package org.revos.runtime.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A certificate whose holder the platform admin trusts to sign plugins (a platform row, no tenant). */
@Entity
@Table(name = "TRUSTED_SIGNERS", indexes = @Index(name = "UQ_SIGNERS_FP", columnList = "FINGERPRINT",
        unique = true))
public class TrustedSignerEntity {
    @Id
    @Column(length = 40)
    public String id;
    @Column(length = 200, nullable = false)
    public String name;
    @Column(length = 1000, nullable = false)
    public String subject;
    /** Lower-case hex SHA-256 of the certificate's DER encoding. */
    @Column(length = 64, nullable = false)
    public String fingerprint;
    /** The certificate, PEM. */
    @Lob
    @Column(nullable = false)
    public String certificate;
    public long notAfter;
    public long createdAt;
}
