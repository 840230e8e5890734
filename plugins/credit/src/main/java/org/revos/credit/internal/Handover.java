package org.revos.credit.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.revos.api.event.RevosEvents;
import org.revos.api.model.UserRole;
import org.revos.kernel.spi.TenantTransaction;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The default reaction to an account turning green: it leaves its account executive for the account manager of its
 * segment with the most free capacity (capacity minus accounts owned; ties go to the AM created first). AMs without
 * a capacity, or without free capacity, are not chosen; an account already owned by an AM stays where it is.
 * <p>
 * Accounts and users are the kernel's: they are read and the account's owner written in the engine's transaction by
 * their entity names ({@code AccountEntity}, {@code UserEntity}), which JPQL knows in the one persistence unit. The
 * decision and the change must be one transaction with the ledger's state, and the API's read-only views
 * ({@code TenantData}) read outside it.
 */
final class Handover {

    /** What the handover needs of an account. */
    record Account(String id, String segment, String ownerId) {

        /** @return the tenant's account, {@code null} when it has none with that id */
        static Account find(EntityManager em, String id) {
            List<Object[]> rows = em.createQuery("SELECT a.id, a.segment, a.ownerId FROM AccountEntity a WHERE a.id"
                    + " = :id", Object[].class).setParameter("id", id).getResultList();
            return rows.isEmpty() ? null : new Account((String) rows.get(0)[0], (String) rows.get(0)[1],
                    (String) rows.get(0)[2]);
        }
    }

    /** What the handover needs of an account manager. */
    private record Am(String id, long capacity, long createdAt) {
    }

    private Handover() {
    }

    /** @return the id of the AM the account was handed to, empty when it stayed with its owner */
    static Optional<String> handOver(TenantTransaction tx, Account account) {
        EntityManager em = tx.em();
        if (account.ownerId() != null) {
            List<String> roles = em.createQuery("SELECT u.role FROM UserEntity u WHERE u.id = :id", String.class)
                    .setParameter("id", account.ownerId()).getResultList();
            if (!roles.isEmpty() && !UserRole.AE.name().equals(roles.get(0))) {
                return Optional.empty();
            }
        }
        TypedQuery<Object[]> query = em.createQuery("SELECT u.id, u.capacity, u.createdAt FROM UserEntity u WHERE"
                + " u.role = :role AND u.capacity IS NOT NULL AND u.capacity > 0"
                + (account.segment() == null ? " AND u.segment IS NULL" : " AND u.segment = :segment"), Object[].class)
                .setParameter("role", UserRole.AM.name());
        if (account.segment() != null) {
            query.setParameter("segment", account.segment());
        }
        List<Am> ams = new ArrayList<>();
        for (Object[] u : query.getResultList()) {
            ams.add(new Am((String) u[0], ((Number) u[1]).longValue(), ((Number) u[2]).longValue()));
        }
        if (ams.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> owned = new HashMap<>();
        em.createQuery("SELECT a.ownerId, COUNT(a) FROM AccountEntity a WHERE a.ownerId IN :ids GROUP BY a.ownerId",
                Object[].class).setParameter("ids", ams.stream().map(Am::id).toList()).getResultList()
                .forEach(row -> owned.put((String) row[0], ((Number) row[1]).longValue()));
        Optional<Am> chosen = ams.stream().filter(u -> u.capacity() - owned.getOrDefault(u.id(), 0L) > 0)
                .max(Comparator.<Am>comparingLong(u -> u.capacity() - owned.getOrDefault(u.id(), 0L))
                        .thenComparing(Comparator.<Am>comparingLong(Am::createdAt).reversed())
                        .thenComparing(Comparator.<Am, String>comparing(Am::id).reversed()));
        chosen.ifPresent(am -> {
            em.createQuery("UPDATE AccountEntity a SET a.ownerId = :owner, a.updatedAt = :now, a.version ="
                    + " a.version + 1 WHERE a.id = :id").setParameter("owner", am.id()).setParameter("now", tx.now())
                    .setParameter("id", account.id()).executeUpdate();
            tx.audit("account.handover", "ACCOUNT", account.id(),
                    JsonNodeFactory.instance.objectNode().put("ownerId", account.ownerId()),
                    JsonNodeFactory.instance.objectNode().put("ownerId", am.id())
                            .put("reason", "the account turned green: handed from its AE to an AM"));
            tx.publish(RevosEvents.OBJECT_UPDATED, Map.of(RevosEvents.OBJECT_TYPE, "ACCOUNT",
                    RevosEvents.OBJECT_ID, account.id()));
        });
        return chosen.map(Am::id);
    }
}
