package org.revos.integration.internal.mapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

import org.revos.kernel.spi.TenantRow;

/**
 * Rows a tenant has at most one of per name: its value mappings of one import format (the KPI engine keeps its
 * settings row the same way). Their id
 * names the tenant as well as the row. (The name alone was the id before, a primary key across all tenants: once one
 * tenant had saved its row, every other tenant's first save failed with 409. A row stored that way is still read,
 * for its own tenant only, and moved to its tenant's id at its next save.)
 */
final class TenantSingletons {

    private TenantSingletons() {
    }

    /** @return the id of {@code tenantId}'s row {@code name}: the name and a hash of the tenant, within 40 characters */
    static String id(String tenantId, String name) {
        if (name.length() > 30) {
            throw new IllegalArgumentException("a singleton row's name has at most 30 characters: " + name);
        }
        return name + "/" + sha256(tenantId).substring(0, 39 - name.length());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * @param em an entity manager of {@code tenantId}, which sees that tenant's rows only
     * @return the tenant's row, or null while it has none
     */
    static <E extends TenantRow> E find(EntityManager em, Class<E> type, String tenantId, String name) {
        E row = em.find(type, id(tenantId, name));
        return row != null ? row : em.find(type, name);
    }

    /**
     * @param fresh makes a new, empty row
     * @return the tenant's row to change, persisted under the tenant's id: the one it has, or a new one (a row stored
     *         under the name alone is removed, its creation time kept; the caller sets every value again)
     */
    static <E extends TenantRow> E forWrite(EntityManager em, Class<E> type, String tenantId, String name,
            Supplier<E> fresh, long now) {
        String id = id(tenantId, name);
        E row = em.find(type, id);
        if (row != null) {
            return row;
        }
        E legacy = em.find(type, name);
        row = fresh.get();
        row.id = id;
        row.createdAt = legacy == null ? now : legacy.createdAt;
        if (legacy != null) {
            em.remove(legacy);
            em.flush();
        }
        em.persist(row);
        return row;
    }
}
