package org.revos.integration.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.revos.kernel.spi.TenantRow;
import org.revos.kernel.spi.objects.ObjectSchema;

/**
 * Reads many objects by id or by external id. Ids go in {@code IN} lists of a fixed length, the last one padded by
 * repeating a value, so the database compiles one statement and probes the primary key with it for every batch.
 * External ids are looked up one by one through the tenant's unique (tenant, external id) index: Derby probes an
 * {@code IN} list only on the first column of an index, and would scan the tenant's whole table for one.
 */
final class Bulk {

    /** ids per query */
    static final int CHUNK = 100;

    private Bulk() {
    }

    /** @return the tenant's objects of {@code schema} whose id is one of {@code ids} */
    static <T extends TenantRow> List<T> byId(EntityManager em, ObjectSchema<T> schema, Collection<String> ids) {
        List<T> found = new ArrayList<>();
        String jpql = "SELECT e FROM " + schema.entityName() + " e WHERE e.id IN :values";
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = new ArrayList<>(all.subList(from, Math.min(all.size(), from + CHUNK)));
            while (chunk.size() < CHUNK) {
                chunk.add(chunk.get(chunk.size() - 1));
            }
            found.addAll(em.createQuery(jpql, schema.entityClass()).setParameter("values", chunk).getResultList());
        }
        return found;
    }

    /** @return the tenant's objects of {@code schema} whose external id is one of {@code externalIds} */
    static <T extends TenantRow> List<T> byExternalId(EntityManager em, ObjectSchema<T> schema,
            Collection<String> externalIds) {
        List<T> found = new ArrayList<>();
        if (externalIds.isEmpty()) {
            return found;
        }
        TypedQuery<T> query = em.createQuery("SELECT e FROM " + schema.entityName() + " e WHERE e.externalId = :ext",
                schema.entityClass());
        for (String externalId : externalIds) {
            found.addAll(query.setParameter("ext", externalId).getResultList());
        }
        return found;
    }
}
