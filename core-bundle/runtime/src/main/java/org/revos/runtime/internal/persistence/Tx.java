package org.revos.runtime.internal.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

import org.revos.api.event.RevosEvents;
import org.revos.api.security.Caller;
import org.revos.kernel.spi.Ids;
import org.revos.kernel.spi.TenantTransaction;
import org.revos.runtime.internal.json.Json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One write transaction for one tenant: the entity manager, the caller, the audit entries it appends and the events
 * it publishes once the transaction has committed.
 */
public final class Tx implements TenantTransaction {

    private final EntityManager em;
    private final String tenantId;
    private final Caller caller;
    private final long now;
    private final List<Map.Entry<String, Map<String, Object>>> events = new ArrayList<>();

    /** whether the transaction is a rehearsal that always rolls back: it writes no audit entries */
    private final boolean rehearsal;

    /** what wrote this transaction when not one API request ({@link RevosEvents#ORIGIN}), or {@code null} */
    private String origin;

    /** the answers of {@link #once} */
    private final Map<String, Object> reads = new HashMap<>();

    /** per object type, the external ids a bulk writer resolved up front (see {@link #externalIds}) */
    private final Map<String, Map<String, String>> externalIds = new HashMap<>();

    /** @param now the instant of the transaction, epoch milliseconds */
    Tx(EntityManager em, String tenantId, Caller caller, boolean rehearsal, long now) {
        this.em = em;
        this.now = now;
        this.tenantId = tenantId;
        this.caller = caller;
        this.rehearsal = rehearsal;
    }

    /**
     * @return the kernel's transaction behind {@code tx}: the kernel's collections' rules always run in one
     * @throws IllegalArgumentException for a transaction of another kernel
     */
    public static Tx of(TenantTransaction tx) {
        if (tx instanceof Tx kernel) {
            return kernel;
        }
        throw new IllegalArgumentException("not a transaction of this kernel: " + tx);
    }

    @Override
    public EntityManager em() {
        return em;
    }

    @Override
    public String tenantId() {
        return tenantId;
    }

    @Override
    public Caller caller() {
        return caller;
    }

    /** @return the instant of this transaction in epoch milliseconds: every row it stamps gets the same one */
    @Override
    public long now() {
        return now;
    }

    /**
     * Appends an audit entry in this transaction.
     *
     * @param before the object before the write, {@code null} on create
     * @param after  the object after the write, {@code null} on delete
     */
    @Override
    public void audit(String action, String objectType, String objectId, Map<String, Object> before,
            Map<String, Object> after) {
        audit(action, objectType, objectId, before == null ? null : (JsonNode) Json.MAPPER.valueToTree(before),
                after == null ? null : (JsonNode) Json.MAPPER.valueToTree(after));
    }

    /**
     * Appends an audit entry in this transaction.
     *
     * @param before the object before the write, {@code null} on create
     * @param after  the object after the write, {@code null} on delete
     */
    @Override
    public void audit(String action, String objectType, String objectId, JsonNode before, JsonNode after) {
        if (rehearsal) {
            return; // rolled back anyway; an import's validation pass checks rows, it does not need their history
        }
        AuditEntryEntity entry = new AuditEntryEntity();
        entry.id = Ids.next("aud");
        entry.at = now;
        entry.createdAt = now;
        entry.updatedAt = now;
        entry.actorKeyId = caller == null ? null : caller.keyId();
        entry.actorName = caller == null ? "system" : caller.getName();
        entry.action = action;
        entry.objectType = objectType;
        entry.objectId = objectId;
        entry.beforeJson = text(before);
        entry.afterJson = text(after);
        em.persist(entry);
    }

    /**
     * The answer of a read of the tenant's configuration rows (property definitions, sync definitions), asked once per
     * transaction: a batch of a thousand imported rows asks once, not a thousand times. Whoever writes such rows in a
     * transaction calls {@link #forgetReads()}.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T once(String key, Supplier<T> read) {
        Object known = reads.get(key);
        if (known == null) {
            known = read.get();
            reads.put(key, known);
        }
        return (T) known;
    }

    /** @return whether this transaction has not marked {@code key} before; it has from now on */
    public boolean firstTime(String key) {
        return reads.putIfAbsent(key, Boolean.TRUE) == null;
    }

    /** Drops every answer {@link #once} kept: the configuration rows they came from were just written. */
    public void forgetReads() {
        reads.clear();
    }

    /**
     * The external ids of {@code objectType} a bulk writer resolved for this transaction, mapped to the id of the
     * object holding each; {@code null} when nobody did. A writer that fills it promises that every external id its
     * rows use is in it (taken) or free, and adds every one it assigns, so uniqueness is checked without a query per
     * row.
     */
    public Map<String, String> externalIds(String objectType) {
        return externalIds.get(objectType);
    }

    /** Declares that the external ids of {@code objectType} this transaction uses are resolved in {@code known}. */
    public void resolvedExternalIds(String objectType, Map<String, String> known) {
        externalIds.put(objectType, known);
    }

    /** @return what this transaction's events are marked as written by, {@code null} for one API request */
    @Override
    public String origin() {
        return origin;
    }

    /** Marks every event this transaction publishes as written by {@code origin}, such as {@code import:job_…}. */
    @Override
    public void origin(String origin) {
        this.origin = origin;
    }

    /** Queues an event; it is posted only if this transaction commits. */
    @Override
    public void publish(String topic, Map<String, Object> properties) {
        Map<String, Object> props = new HashMap<>(properties);
        props.put(RevosEvents.TENANT, tenantId);
        if (origin != null) {
            props.put(RevosEvents.ORIGIN, origin);
        }
        props.putIfAbsent(RevosEvents.AT, now);
        if (caller != null) {
            props.putIfAbsent(RevosEvents.ACTOR, caller.keyId());
        }
        events.add(Map.entry(topic, props));
    }

    List<Map.Entry<String, Map<String, Object>>> events() {
        return events;
    }

    private static String text(JsonNode node) {
        if (node == null) {
            return null;
        }
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
