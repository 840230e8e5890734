/**
 * The kernel's engine SPI: what a capability engine bundle (stages, KPIs, credit, integrations, adoption, leads, ...)
 * needs from the kernel to keep state of its own. It is exported with the mandatory attribute {@code revos-engine},
 * so only a bundle that asks for it on purpose ({@code Import-Package: org.revos.kernel.spi;revos-engine=true})
 * wires to it; strategy plugins and partners build on {@code org.revos.api.*} alone.
 * <p>
 * An engine keeps tables of its own by declaring its JPA entities in the {@code RevOS-Entities} manifest header
 * (bnd: {@code RevOS-Entities: ${classes;ANNOTATED;jakarta.persistence.Entity}}); each entity extends
 * {@link org.revos.kernel.spi.TenantRow}. The kernel composes them into its one persistence unit while the bundle is
 * started, so an engine's write and its consequences commit in one transaction, and an engine adds or changes its
 * tables without a kernel change. Rows of a removed engine stay in the database for its return.
 * <p>
 * 1.1 (this development): problems, plugin calls and contributions, outbound policy, sealed secrets, ids, knobs,
 * property readers.
 * <p>
 * 1.2: {@link org.revos.kernel.spi.JobRunner}, the kernel's jobs for an engine's long work;
 * {@link org.revos.kernel.spi.TenantTransaction#origin(String)} passes a bulk write's origin on to its consequences.
 * <p>
 * 1.3: {@link org.revos.kernel.spi.TenantTransaction#once(String, java.util.function.Supplier)}, what holds for a
 * whole transaction asked once.
 * Also 1.3: the change feed, {@link org.revos.kernel.spi.CommitListener} (a whiteboard service told of every committed
 * write of a tenant, in order and numbered, so that a projection kept in memory is never served stale) with
 * {@link org.revos.kernel.spi.TenantStore#commits(String)}; {@link org.revos.kernel.spi.FactsSource}, through which
 * the KPI engine answers the API's {@code TenantData.facts}.
 * <p>
 * 1.4: what the integration engine (imports, exports, sync) needs: {@link org.revos.kernel.spi.JobRunner} records a
 * job inside an engine's transaction, starts and resumes it and lets the engine mark its own unfinished work after
 * the kernel's start-up recovery; {@link org.revos.kernel.spi.TenantStore#rehearse} (a transaction that is always
 * rolled back) and {@link org.revos.kernel.spi.TenantStore#refreshStatistics}; {@link
 * org.revos.kernel.spi.EngineFiles}, folders of the data folder that outlive an engine's bundle;
 * and {@link org.revos.kernel.spi.SnapshotSeals}, a durable proof that no write of a tenant committed since an
 * engine took a snapshot of its data to disk, so that the snapshot can be used after a restart (the KPI engine's
 * persisted facts) and never once it is outdated.
 */
@Version("1.4.0")
package org.revos.kernel.spi;

import org.osgi.annotation.versioning.Version;
