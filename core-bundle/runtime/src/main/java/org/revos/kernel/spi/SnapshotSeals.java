package org.revos.kernel.spi;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Durable proof that a snapshot an engine keeps on disk (the KPI engine's facts projection) is still current after a
 * restart (since 1.4). {@link TenantStore#commits(String)} counts a tenant's writes since the runtime started only, so
 * a number kept in a file says nothing after the next start; a seal does.
 * <p>
 * An engine that holds a projection of tenant {@code t} current up to commit {@code n} writes its file under a fresh
 * token, then asks {@link #seal(String, long, String)}: the kernel, with no write of the tenant between its last
 * check and its commit, checks that {@code commits(t) == n} and records the token in the database (table
 * {@code TENANT_SEALS}). Every write of the tenant that publishes an event clears the seal inside its own
 * transaction, so the seal and the write commit or fail together, whatever happens to the process (a {@code kill -9}
 * included), and whichever engines are installed. A write that publishes no event (an engine's bookkeeping: a
 * watermark, a job's progress) leaves the seal: it changes nothing a projection built from the change feed
 * ({@link CommitListener}, which tells a projection what changed by the events) can see either. At the next start, an engine may use its file only when the tenant's seal still holds the file's
 * token ({@link #seal(String)}): then no write committed since the file was taken. Anything else (no seal, another
 * token, a database that cannot be read) means: read from the store.
 * <p>
 * What a seal cannot see: rows changed in the database by anything but this runtime (SQL tools, a second runtime on
 * the same database). Whoever does that must delete the engines' snapshot files (see the admin guide).
 */
@ProviderType
public interface SnapshotSeals {

    /**
     * Seals the tenant at commit {@code commit} under {@code token}, replacing any earlier seal of the tenant. Writes
     * of the tenant wait while it runs (milliseconds); it waits at most a few seconds for writes in progress and
     * answers {@code false} rather than wait longer.
     *
     * @param commit the value of {@link TenantStore#commits(String)} the sealed snapshot is current with
     * @param token  what names the snapshot, such as a random UUID written into its file (at most 64 characters)
     * @return whether the seal was recorded: {@code false} when another write committed meanwhile (the counter is no
     *         longer {@code commit}) or the database could not record it
     */
    boolean seal(String tenantId, long commit, String token);

    /**
     * @return the token of the tenant's seal, empty when a write of the tenant that published an event committed since
     *         the last seal, or none was ever made
     * @throws RuntimeException when the database cannot be read (a caller treats that as "not sealed")
     */
    Optional<String> seal(String tenantId);

}
