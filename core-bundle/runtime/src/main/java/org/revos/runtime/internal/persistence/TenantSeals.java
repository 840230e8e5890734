package org.revos.runtime.internal.persistence;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.persistence.EntityManager;

/**
 * The store's side of {@link org.revos.kernel.spi.SnapshotSeals}: the rows of {@code TENANT_SEALS} and the lock that
 * keeps a seal and the tenant's writes apart.
 * <p>
 * Every write of a tenant that publishes an event holds the tenant's lock shared from just before its commit until its
 * commit has been counted ({@link Store#commits(String)}); writes do not wait for each other. (A write without events
 * changes nothing a projection built from the change feed holds; it leaves seals and takes no lock.) While it holds it, a write that may find
 * a seal row deletes it inside its own transaction, so the seal goes exactly when the write commits. A seal holds the
 * lock exclusively: no write with events is then between its last step and its count, so "the counter is {@code n}"
 * means "every write with events that committed is counted up to {@code n}", and the row it records is cleared by the
 * next such write to commit.
 * Which tenants have no seal row is kept in memory, so their writes skip the delete; after a start nothing is known,
 * and each tenant's first write deletes whatever an earlier run left.
 */
final class TenantSeals {

    private static final Logger LOG = Logger.getLogger(TenantSeals.class.getName());

    /** How long a seal waits for the tenant's writes in progress before it gives up. */
    static final long SEAL_WAIT_MS = 3_000;

    private final Map<String, ReentrantReadWriteLock> locks = new ConcurrentHashMap<>();
    /** Tenants known to have no seal row since a write of theirs committed. */
    private final Set<String> unsealed = ConcurrentHashMap.newKeySet();

    /**
     * Takes the tenant's lock shared and, unless the tenant is known to be unsealed, deletes its seal row in the
     * write's transaction; called right before the commit.
     *
     * @return the lock to release once the commit is counted (or rolled back)
     */
    Lock beforeCommit(String tenantId, EntityManager em) {
        Lock shared = lock(tenantId).readLock();
        shared.lock();
        try {
            if (!unsealed.contains(tenantId)) {
                em.createQuery("DELETE FROM TenantSealEntity s WHERE s.tenantId = :tenant")
                        .setParameter("tenant", tenantId).executeUpdate();
            }
            return shared;
        } catch (RuntimeException | Error e) {
            shared.unlock();
            throw e;
        }
    }

    /** Called after a write's commit, the shared lock still held: no seal row of the tenant is left. */
    void committed(String tenantId) {
        unsealed.add(tenantId);
    }

    /**
     * Records a seal when the tenant's counter is {@code commit}, with no write between its last check and its count.
     *
     * @param record runs work in a transaction of its own on platform entities
     */
    boolean seal(String tenantId, long commit, String token, ToLongFunction<String> commits,
            Function<Function<EntityManager, Boolean>, Boolean> record) {
        if (token == null || token.isEmpty() || token.length() > 64) {
            throw new IllegalArgumentException("A seal's token has 1 to 64 characters");
        }
        ReentrantReadWriteLock.WriteLock exclusive = lock(tenantId).writeLock();
        try {
            if (!exclusive.tryLock(SEAL_WAIT_MS, TimeUnit.MILLISECONDS)) {
                LOG.fine(() -> "Writes of tenant " + tenantId + " kept it from being sealed");
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            if (commits.applyAsLong(tenantId) != commit) {
                return false;
            }
            // from here a failure may leave a row: the next write must look for it
            unsealed.remove(tenantId);
            return record.apply(em -> {
                TenantSealEntity seal = em.find(TenantSealEntity.class, tenantId);
                if (seal == null) {
                    seal = new TenantSealEntity();
                    seal.tenantId = tenantId;
                    em.persist(seal);
                }
                seal.token = token;
                seal.sealedCommit = commit;
                seal.sealedAt = System.currentTimeMillis();
                return true;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not seal tenant " + tenantId + "; its snapshot will not be used after a"
                    + " restart", e);
            return false;
        } finally {
            exclusive.unlock();
        }
    }

    /** @return the tenant's seal token, read from the database */
    static Optional<String> tokenOf(EntityManager em, String tenantId) {
        TenantSealEntity seal = em.find(TenantSealEntity.class, tenantId);
        return seal == null ? Optional.empty() : Optional.of(seal.token);
    }

    private ReentrantReadWriteLock lock(String tenantId) {
        return locks.computeIfAbsent(tenantId, t -> new ReentrantReadWriteLock());
    }
}
