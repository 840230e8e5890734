package org.revos.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;
import org.revos.api.event.RevosEvents;
import org.revos.api.model.ObjectType;

/**
 * Events as the runtime posts them after a commit (topics and property names of {@link RevosEvents}), to hand to a
 * plugin's {@link EventHandler} in a unit test:
 *
 * <pre>{@code
 * handler.handleEvent(Events.dealWon("d1").property(RevosEvents.ARR_CENTS, 10_000_00L).build());
 * }</pre>
 *
 * <p>Every event carries {@code tenant} ({@link Tenants#DEFAULT} unless told), {@code objectType}, {@code objectId}
 * and {@code at} (epoch milliseconds).
 */
public final class Events {

    private final String topic;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    private Events(String topic, ObjectType type, String objectId) {
        this.topic = topic;
        properties.put(RevosEvents.TENANT, Tenants.DEFAULT.id());
        properties.put(RevosEvents.OBJECT_TYPE, type.name());
        properties.put(RevosEvents.OBJECT_ID, objectId);
        properties.put(RevosEvents.AT, Instants.at("2026-07-01").toEpochMilli());
    }

    /** @return an event of any topic about one object */
    public static Events of(String topic, ObjectType type, String objectId) {
        return new Events(topic, type, objectId);
    }

    public static Events dealWon(String dealId) {
        return new Events(RevosEvents.DEAL_WON, ObjectType.DEAL, dealId);
    }

    /** A lead or deal moved from {@code fromStage} (null when it was created there) into {@code stage}. */
    public static Events stageChanged(ObjectType type, String objectId, String pipeline, String fromStage,
            String stage) {
        Events e = new Events(RevosEvents.STAGE_CHANGED, type, objectId).property(RevosEvents.PIPELINE, pipeline)
                .property(RevosEvents.STAGE, stage);
        return fromStage == null ? e : e.property(RevosEvents.FROM_STAGE, fromStage);
    }

    /** A revenue event of {@code accountId} was recorded. */
    public static Events revenueRecorded(String revenueEventId, String accountId, long arrCents, String kind) {
        return new Events(RevosEvents.REVENUE_RECORDED, ObjectType.REVENUE_EVENT, revenueEventId)
                .property(RevosEvents.ACCOUNT_ID, accountId).property(RevosEvents.ARR_CENTS, arrCents)
                .property(RevosEvents.KIND, kind);
    }

    public static Events objectCreated(ObjectType type, String objectId) {
        return new Events(RevosEvents.OBJECT_CREATED, type, objectId);
    }

    public Events tenant(String tenantId) {
        return property(RevosEvents.TENANT, tenantId);
    }

    public Events at(String when) {
        return property(RevosEvents.AT, Instants.at(when).toEpochMilli());
    }

    /** Marks the event as history a CSV import or a sync's first run brought ({@code import:<jobId>}, ...). */
    public Events origin(String origin) {
        return property(RevosEvents.ORIGIN, origin);
    }

    public Events property(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public Event build() {
        return new Event(topic, properties);
    }
}
