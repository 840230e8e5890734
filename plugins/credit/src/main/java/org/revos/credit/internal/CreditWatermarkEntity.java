package org.revos.credit.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.revos.kernel.spi.TenantRow;

/**
 * Up to when every revenue event of the tenant is known to have marked its account (epoch milliseconds): the credit
 * engine hears of events only while it runs, so when it starts again it marks the accounts of events recorded after
 * this instant. One row per tenant, id {@code cwm_<tenantId>}.
 */
@Entity(name = "CreditWatermarkEntity")
@Table(name = "CREDIT_WATERMARK")
public class CreditWatermarkEntity extends TenantRow {
    public long seenUpTo;
}
