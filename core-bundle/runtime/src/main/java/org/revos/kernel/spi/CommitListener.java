package org.revos.kernel.spi;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The change feed: register an implementation as an OSGi service (whiteboard) and the kernel tells it of every
 * committed write of every tenant, synchronously on the writer's thread, right after the commit and before
 * {@link TenantStore#commits(String)} moves and before the write's events are posted to EventAdmin. An engine that
 * keeps a projection of the data in memory (the KPI engine's facts) uses it to bring the projection up to date write
 * by write, and to know when it cannot: a reader that sees the commit counter at {@code n} knows that writes
 * {@code 1..n} of the tenant have been told to every registered listener.
 * <p>
 * Writes of one tenant are told in commit order, numbered {@code 1, 2, 3, ...} per tenant since the runtime started
 * (the numbers {@link TenantStore#commits(String)} counts). A listener that finds a number other than the one after
 * the last it heard has missed writes (it was registered in between, or it threw) and must read what it keeps again
 * rather than serve it. Nothing is told of writes made while no listener was registered: an engine that comes back
 * (installed again, updated) must build its projection from the store before it answers.
 * <p>
 * A listener must be quick and must not block (writers of the tenant wait for it); what it throws is logged and does
 * not undo the write, which is committed already.
 */
@ConsumerType
public interface CommitListener {

    /**
     * @param tenantId the tenant whose write committed
     * @param commit   the write's number among the tenant's commits since the runtime started (the value
     *                 {@link TenantStore#commits(String)} takes once every listener has been told)
     * @param events   the write's events, topic and properties, in the order they were published (the same ones
     *                 EventAdmin is about to receive; {@code org.revos.api.event.RevosEvents} names them)
     */
    void committed(String tenantId, long commit, List<Map.Entry<String, Map<String, Object>>> events);
}
