package org.revos.runtime.internal.credit;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.revos.api.event.RevosEvents;
import org.revos.api.model.UserRole;
import org.revos.runtime.internal.persistence.AccountEntity;
import org.revos.runtime.internal.persistence.Tx;
import org.revos.runtime.internal.persistence.UserEntity;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import jakarta.persistence.TypedQuery;

/**
 * The default reaction to an account turning green: it leaves its account executive for the account manager of its
 * segment with the most free capacity (capacity minus accounts owned; ties go to the AM created first). AMs without
 * a capacity, or without free capacity, are not chosen; an account already owned by an AM stays where it is.
 */
final class Handover {

    private Handover() {
    }

    /** @return the AM the account was handed to, empty when it stayed with its owner */
    static Optional<UserEntity> handOver(Tx tx, AccountEntity account) {
        if (account.ownerId != null) {
            UserEntity owner = tx.em().find(UserEntity.class, account.ownerId);
            if (owner != null && !UserRole.AE.name().equals(owner.role)) {
                return Optional.empty();
            }
        }
        TypedQuery<UserEntity> query = tx.em().createQuery("SELECT u FROM UserEntity u WHERE u.role = :role"
                + " AND u.capacity IS NOT NULL AND u.capacity > 0"
                + (account.segment == null ? " AND u.segment IS NULL" : " AND u.segment = :segment"), UserEntity.class)
                .setParameter("role", UserRole.AM.name());
        if (account.segment != null) {
            query.setParameter("segment", account.segment);
        }
        List<UserEntity> ams = query.getResultList();
        if (ams.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> owned = new HashMap<>();
        tx.em().createQuery("SELECT a.ownerId, COUNT(a) FROM AccountEntity a WHERE a.ownerId IN :ids GROUP BY"
                + " a.ownerId", Object[].class).setParameter("ids", ams.stream().map(u -> u.id).toList())
                .getResultList().forEach(row -> owned.put((String) row[0], ((Number) row[1]).longValue()));
        Optional<UserEntity> chosen = ams.stream().filter(u -> u.capacity - owned.getOrDefault(u.id, 0L) > 0)
                .max(Comparator.<UserEntity>comparingLong(u -> u.capacity - owned.getOrDefault(u.id, 0L))
                        .thenComparing(Comparator.<UserEntity>comparingLong(u -> u.createdAt).reversed())
                        .thenComparing(Comparator.<UserEntity, String>comparing(u -> u.id).reversed()));
        chosen.ifPresent(am -> {
            String before = account.ownerId;
            account.ownerId = am.id;
            account.updatedAt = tx.now();
            tx.audit("account.handover", "ACCOUNT", account.id,
                    JsonNodeFactory.instance.objectNode().put("ownerId", before),
                    JsonNodeFactory.instance.objectNode().put("ownerId", am.id)
                            .put("reason", "the account turned green: handed from its AE to an AM"));
            tx.publish(RevosEvents.OBJECT_UPDATED, Map.of(RevosEvents.OBJECT_TYPE, "ACCOUNT",
                    RevosEvents.OBJECT_ID, account.id));
        });
        return chosen;
    }
}
