package org.revos.kernel.spi;

import java.util.Map;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

import org.osgi.annotation.versioning.ProviderType;
import org.revos.api.security.Caller;

import com.fasterxml.jackson.databind.JsonNode;

/** One write transaction of one tenant, as an engine sees it (see {@link TenantStore#transaction}). */
@ProviderType
public interface TenantTransaction {

    /** @return the transaction's entity manager; it sees and writes only this tenant's rows */
    EntityManager em();

    String tenantId();

    Caller caller();

    /** @return the transaction's instant in epoch milliseconds, the same for every row it writes */
    long now();

    /**
     * Appends an entry to the tenant's audit log, committed with the transaction.
     *
     * @param before the object before the change as a JSON-ready map, {@code null} for a creation
     * @param after the object after the change, {@code null} for a deletion
     */
    void audit(String action, String objectType, String objectId, Map<String, Object> before,
            Map<String, Object> after);

    /**
     * Appends an audit entry, the objects given as the API shows them (JSON objects).
     *
     * @param before the object before the change, {@code null} for a creation
     * @param after the object after the change, {@code null} for a deletion
     */
    void audit(String action, String objectType, String objectId, JsonNode before, JsonNode after);

    /**
     * @return what wrote this transaction when it is not one API request (such as {@code import:job_…} or
     *         {@code sync:…}), {@code null} for a request; events it publishes carry it as
     *         {@link org.revos.api.event.RevosEvents#ORIGIN}
     */
    String origin();

    /**
     * Marks every event this transaction publishes as written by {@code origin} (since 1.2): an engine that carries
     * out, later and in a transaction of its own, the consequences of a bulk write (an import) passes its origin on,
     * so those who skip imported history (team notifications) skip the consequences too.
     */
    void origin(String origin);

    /** Publishes an event (EventAdmin topic and properties) once the transaction has committed, never before. */
    void publish(String topic, Map<String, Object> properties);

    /**
     * @return what {@code work} answers, asked once per transaction and {@code key} (since 1.3): an engine asked for
     *         each of many objects one transaction writes (an import's batch of leads) reads what holds for all of
     *         them (the tenant's pipelines) once, not once per object
     */
    <T> T once(String key, Supplier<T> work);
}
