package org.revos.kernel.spi;

import java.util.List;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.osgi.annotation.versioning.ProviderType;
import org.revos.api.security.Caller;

/**
 * The kernel's transactions, scoped to one tenant, over the persistence unit that holds the kernel's entities and
 * those of every started engine. A service of the kernel.
 */
@ProviderType
public interface TenantStore {

    /**
     * Runs read-only work against {@code tenantId}'s rows; the entity manager is closed afterwards, so nothing managed
     * may leave {@code work}.
     */
    <T> T query(String tenantId, Function<EntityManager, T> work);

    /**
     * Runs {@code work} in one transaction on {@code tenantId}'s rows, with the kernel's audit and events: everything
     * commits together or nothing does. An exception rolls everything back; a unique-constraint violation becomes a
     * 409 problem.
     */
    <T> T transaction(String tenantId, Caller caller, Function<TenantTransaction, T> work);

    /** @return the ids of every tenant, for work an engine does for each (timers, reminders) */
    List<String> tenantIds();

    /** @return whether the database answers; background work skips its round when it does not */
    boolean isUp();

    /**
     * @return how many write transactions of the tenant have committed since the runtime started, each told to every
     *         {@link CommitListener} before this number counts it (since 1.3)
     */
    long commits(String tenantId);

    /**
     * Runs {@code work} in a transaction of {@code tenantId} that is always rolled back (since 1.4): it sees its own
     * writes, then nothing of them stays, no audit entry and no event. An import checks its rows this way with
     * exactly the rules a real write applies. A unique-constraint violation becomes a 409 problem.
     */
    <T> T rehearse(String tenantId, Caller caller, Function<TenantTransaction, T> work);

    /**
     * Has the database measure an entity's table again when {@code added} rows (just written by a bulk load) are at
     * least a quarter of it, since 1.4: the query planner would otherwise keep planning for the table it knew before
     * the load, and the first reads after a large import would be slow. Tables are shared by all tenants, so a small
     * load into a big table measures nothing.
     *
     * @return whether the table was measured
     */
    boolean refreshStatistics(Class<?> entityClass, long added);
}
