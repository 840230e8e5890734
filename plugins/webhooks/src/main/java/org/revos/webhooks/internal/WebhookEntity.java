package org.revos.webhooks.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.revos.kernel.spi.TenantRow;

/**
 * A tenant's webhook: where domain events are posted, which ones, and the signing secret, kept encrypted (it must
 * be readable to sign, so it cannot be hashed).
 */
@Entity(name = "WebhookEntity")
@Table(name = "WEBHOOKS")
public class WebhookEntity extends TenantRow {
    @Column(length = 2000, nullable = false)
    public String url;
    /** JSON array of event topics; {@code org/revos/*} style wildcards allowed */
    @Column(length = 4000, nullable = false)
    public String events;
    @Column(length = 1000, nullable = false)
    public String secretSealed;
    @Column(length = 20, nullable = false)
    public String secretPrefix;
    /** who is told when a delivery is dead-lettered */
    @Column(length = 40)
    public String ownerId;
    public boolean active;
    public int maxAttempts;
}
