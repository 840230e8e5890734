package org.revos.webhooks.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import org.revos.kernel.spi.TenantRow;

/**
 * One notification on its way to one webhook: queued in the transaction that caused it (or right after), retried
 * with back-off, and DEAD once it has failed the webhook's number of attempts.
 */
@Entity(name = "WebhookDeliveryEntity")
@Table(name = "WEBHOOK_DELIVERIES", indexes = { @Index(name = "IX_WHDEL_DUE", columnList = "TENANT_ID, STATUS,"
        + " NEXTATTEMPTAT"), @Index(name = "IX_WHDEL_HOOK", columnList = "TENANT_ID, WEBHOOKID, STATUS") })
public class WebhookDeliveryEntity extends TenantRow {
    @Column(length = 40, nullable = false)
    public String webhookId;
    @Column(length = 200, nullable = false)
    public String topic;
    @Lob
    public String notificationJson;
    /** PENDING, DELIVERED or DEAD */
    @Column(length = 10, nullable = false)
    public String status;
    public int attempts;
    public long nextAttemptAt;
    @Column(length = 1000)
    public String lastError;
    public Long deliveredAt;
    public Long deadAt;
}
