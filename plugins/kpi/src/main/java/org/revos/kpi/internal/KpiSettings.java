package org.revos.kpi.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.persistence.EntityManager;

import org.revos.kernel.spi.TenantStore;
import org.revos.kernel.spi.TenantTransaction;

/**
 * A tenant's KPI settings, defaults included. The one row of a tenant has the id the kernel gave it when it kept
 * these settings ({@value #NAME}, a slash and a hash of the tenant, within 40 characters); a row stored under the
 * name alone, as versions before per-tenant ids did, is still read for its own tenant and moved at its next save.
 */
final class KpiSettings {

    static final String NAME = "kpi-settings";
    static final BigDecimal DEFAULT_YELLOW_FROM = new BigDecimal("0.9");

    private KpiSettings() {
    }

    /** @return the id of the tenant's settings row */
    static String id(String tenantId) {
        try {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(tenantId.getBytes(StandardCharsets.UTF_8)));
            return NAME + "/" + hash.substring(0, 39 - NAME.length());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** @return the tenant's row, or {@code null} while it has none ({@code em} sees that tenant's rows only) */
    static KpiSettingsEntity find(EntityManager em, String tenantId) {
        KpiSettingsEntity row = em.find(KpiSettingsEntity.class, id(tenantId));
        return row != null ? row : em.find(KpiSettingsEntity.class, NAME);
    }

    /** @return the pace from which a goal is YELLOW for the tenant */
    static BigDecimal yellowFrom(TenantStore store, String tenantId) {
        KpiSettingsEntity s = store.query(tenantId, em -> find(em, tenantId));
        return s == null ? DEFAULT_YELLOW_FROM : s.yellowFrom;
    }

    /**
     * @return the tenant's row to change, persisted under the tenant's id: the one it has, or a new one (a row stored
     *         under the name alone is removed, its creation time kept)
     */
    static KpiSettingsEntity forWrite(TenantTransaction tx, String tenantId) {
        EntityManager em = tx.em();
        KpiSettingsEntity row = em.find(KpiSettingsEntity.class, id(tenantId));
        if (row != null) {
            return row;
        }
        KpiSettingsEntity legacy = em.find(KpiSettingsEntity.class, NAME);
        row = new KpiSettingsEntity();
        row.id = id(tenantId);
        row.createdAt = legacy == null ? tx.now() : legacy.createdAt;
        if (legacy != null) {
            em.remove(legacy);
            em.flush();
        }
        em.persist(row);
        return row;
    }
}
