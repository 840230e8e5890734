package org.revos.webhooks.internal;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.revos.api.event.RevosEvents;
import org.revos.api.model.Tenant;
import org.revos.api.query.RevosData;
import org.revos.api.services.NotificationCenter;
import org.revos.api.spi.Notification;
import org.revos.api.spi.NotificationTarget;
import org.revos.api.spi.Notifier;
import org.revos.api.spi.NotifierSubscription;
import org.revos.kernel.spi.Contributions;
import org.revos.kernel.spi.Contributions.Contribution;
import org.revos.kernel.spi.Daemons;
import org.revos.kernel.spi.Ids;
import org.revos.kernel.spi.Knobs;
import org.revos.kernel.spi.OutboundPolicy;
import org.revos.kernel.spi.PluginCallFailed;
import org.revos.kernel.spi.PluginCalls;
import org.revos.kernel.spi.RefusedUrl;
import org.revos.kernel.spi.SecretVault;
import org.revos.kernel.spi.TenantStore;
import org.revos.kernel.spi.objects.FieldTypes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Everything that tells people something. Domain events and the runtime's own notifications (adoption reminders,
 * celebrations, dead letters) are queued as deliveries to every active webhook of the tenant subscribed to their
 * topic; a dispatcher sends them through the tenant's {@code webhook} notifier plugin, retries failures with
 * exponential back-off ({@value #BACKOFF_PROPERTY}, doubling, at most an hour apart) and marks a delivery DEAD after
 * the webhook's number of attempts, telling the webhook's owner. Before each attempt the webhook's host is looked up
 * and checked again ({@link OutboundPolicy}); a refused address fails the attempt with that reason and nothing is
 * sent. Notifiers that reach people directly get {@link Notifier#deliver} as well.
 */
@Component(service = { Notifications.class, EventHandler.class, NotificationCenter.class },
        property = EventConstants.EVENT_TOPIC + "=" + RevosEvents.ALL, configurationPid = Notifications.PID)
@Designate(ocd = Notifications.Config.class)
public final class Notifications implements EventHandler, NotificationCenter {

    private static final Logger LOG = Logger.getLogger(Notifications.class.getName());
    static final String BACKOFF_PROPERTY = "revos.webhook.backoff.ms";
    public static final String DEAD_LETTER_TOPIC = "org/revos/webhook/DEAD_LETTER";
    static final String WEBHOOK_CHANNEL = "webhook";
    private static final long MAX_BACKOFF_MS = Duration.ofHours(1).toMillis();
    private static final int BATCH = 50;

    private static final long DEFAULT_BACKOFF_MS = 2_000L;
    /** The configuration PID ({@code org.revos.webhooks.engine.cfg} in the deploy folder). */
    public static final String PID = "org.revos.webhooks.engine";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TenantStore store;
    private final PluginCalls gateway;
    private final RevosData data;
    private final Contributions<Notifier> notifiers;
    private final SecretVault secrets;
    private final OutboundPolicy outbound;
    /** the first retry's delay; the configuration changes it while the runtime runs */
    private volatile long backoffMs;

    /** Settings of this component (PID {@value #PID}). */
    @ObjectClassDefinition(name = "RevOS webhooks", description = "How long a failed webhook delivery waits before"
            + " its first retry; each retry waits twice as long, at most an hour.")
    public @interface Config {
        @AttributeDefinition(name = "First retry after (ms)", min = "0", description = "0 takes the framework"
                + " property " + BACKOFF_PROPERTY + ", or " + DEFAULT_BACKOFF_MS + ".")
        long backoffMillis() default 0;
    }

    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    /** other runtime nodes' webhook changes are seen within this time */
    private static final long HOOKS_TTL_NANOS = 5_000_000_000L;
    private final Map<String, CachedHooks> hooks = new ConcurrentHashMap<>();
    private final ScheduledExecutorService dispatcher = Daemons.scheduler("revos-notifications");

    @Activate
    public Notifications(@Reference TenantStore store, @Reference PluginCalls gateway, @Reference RevosData data,
            @Reference OutboundPolicy outbound, @Reference SecretVault secrets, BundleContext context, Config config) {
        configure(config, context);
        this.store = store;
        this.outbound = outbound;
        this.gateway = gateway;
        this.data = data;
        this.notifiers = new Contributions<>(gateway);
        this.secrets = secrets;
        dispatcher.schedule(this::findPendingAtStart, 1, TimeUnit.SECONDS);
        dispatcher.scheduleWithFixedDelay(this::dispatchAll, 1_000, Math.max(20, Math.min(backoffMs, 500)),
                TimeUnit.MILLISECONDS);
    }

    @Modified
    void configure(Config config, BundleContext context) {
        backoffMs = Knobs.positive(config.backoffMillis(), context, BACKOFF_PROPERTY, DEFAULT_BACKOFF_MS);
    }

    @Deactivate
    void stop() {
        dispatcher.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addNotifier(ServiceReference<Notifier> ref, Notifier notifier) {
        notifiers.add(ref, notifier);
    }

    void removeNotifier(ServiceReference<Notifier> ref) {
        notifiers.remove(ref);
    }

    SecretVault secrets() {
        return secrets;
    }

    @Override
    public void handleEvent(Event event) {
        if (!(event.getProperty(RevosEvents.TENANT) instanceof String tenantId)) {
            return;
        }
        if (event.getProperty(RevosEvents.ORIGIN) != null) {
            return; // an import brings history: a million imported deals are not a million chat messages
        }
        Map<String, Object> props = new LinkedHashMap<>();
        for (String name : event.getPropertyNames()) {
            Object value = event.getProperty(name);
            if (!name.equals(EventConstants.EVENT_TOPIC) && (value instanceof String || value instanceof Number
                    || value instanceof Boolean)) {
                props.put(name, value);
            }
        }
        Object at = props.get(RevosEvents.AT);
        if (at instanceof Long millis) {
            props.put(RevosEvents.AT, FieldTypes.instantText(millis));
        }
        Notification n = new Notification(event.getTopic(), event.getTopic(), event.getTopic(), props);
        try {
            enqueue(tenantId, n, null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not queue webhook deliveries of " + event.getTopic(), e);
        }
    }

    /**
     * Tells a person or the team: queued for every webhook subscribed to the topic, and delivered directly by every
     * notifier that reaches people.
     *
     * @param person a user id, or {@code null} for the team
     * @return how many webhooks and notifiers took it
     */
    @Override
    public int notify(Tenant tenant, String person, Notification notification) {
        int taken = enqueue(tenant.id(), notification, null);
        for (Contribution<Notifier> n : notifiers.enabledFor(tenant.id())) {
            try {
                boolean delivered = gateway.call(n.pluginId(), tenant.id(), "notification", () -> {
                    if (!n.service().deliversToPeople()) {
                        return false;
                    }
                    n.service().deliver(tenant, person, notification);
                    return true;
                });
                taken += delivered ? 1 : 0;
            } catch (PluginCallFailed e) {
                LOG.log(Level.WARNING, e.getMessage(), e.getCause());
            }
        }
        return taken;
    }

    /** @return what the tenant's webhooks and notifiers announce */
    @Override
    public List<NotifierSubscription> subscriptions(Tenant tenant) {
        List<NotifierSubscription> out = new ArrayList<>();
        for (WebhookEntity w : activeWebhooks(tenant.id())) {
            out.add(new NotifierSubscription(WEBHOOK_CHANNEL, WebhooksResource.host(w.url), WebhooksResource
                    .events(w)));
        }
        for (Contribution<Notifier> n : notifiers.enabledFor(tenant.id())) {
            try {
                out.addAll(gateway.call(n.pluginId(), tenant.id(), "notifier subscriptions",
                        () -> n.service().subscriptions(tenant)));
            } catch (PluginCallFailed e) {
                LOG.log(Level.WARNING, e.getMessage(), e.getCause());
            }
        }
        return out;
    }

    /**
     * @return the tenant's active webhooks; read at most every few seconds per tenant, since every domain event
     *         asks (an import of a million rows posts a million events), and forgotten at once when this runtime
     *         changes a webhook
     */
    private List<WebhookEntity> activeWebhooks(String tenantId) {
        long now = System.nanoTime();
        CachedHooks cached = hooks.get(tenantId);
        if (cached != null && now - cached.readAt() < HOOKS_TTL_NANOS) {
            return cached.hooks();
        }
        List<WebhookEntity> read = store.query(tenantId, em -> em.createQuery("SELECT w FROM WebhookEntity w WHERE"
                + " w.active = TRUE ORDER BY w.id", WebhookEntity.class).getResultList());
        hooks.put(tenantId, new CachedHooks(List.copyOf(read), now));
        return read;
    }

    /** Forgets the tenant's cached webhooks; called when a webhook is created, changed or deleted. */
    void webhooksChanged(String tenantId) {
        hooks.remove(tenantId);
    }

    private record CachedHooks(List<WebhookEntity> hooks, long readAt) {
    }

    /** Queues the notification for every active webhook subscribed to its topic, except {@code skipWebhook}. */
    private int enqueue(String tenantId, Notification n, String skipWebhook) {
        List<WebhookEntity> hooks = activeWebhooks(tenantId).stream()
                .filter(w -> !w.id.equals(skipWebhook) && Topics.anyMatches(WebhooksResource.events(w), n.topic()))
                .toList();
        if (hooks.isEmpty()) {
            return 0;
        }
        String json = json(n);
        store.transaction(tenantId, null, tx -> {
            for (WebhookEntity w : hooks) {
                WebhookDeliveryEntity d = new WebhookDeliveryEntity();
                d.id = Ids.next("whd");
                d.webhookId = w.id;
                d.topic = n.topic();
                d.notificationJson = json;
                d.status = "PENDING";
                d.nextAttemptAt = tx.now();
                d.createdAt = tx.now();
                d.updatedAt = tx.now();
                tx.em().persist(d);
            }
            return null;
        });
        busy.add(tenantId);
        dispatcher.execute(() -> dispatch(tenantId));
        return hooks.size();
    }

    private void findPendingAtStart() {
        try {
            for (String tenantId : store.tenantIds()) {
                long pending = store.query(tenantId, em -> em.createQuery("SELECT COUNT(d) FROM WebhookDeliveryEntity"
                        + " d WHERE d.status = 'PENDING'", Long.class).getSingleResult());
                if (pending > 0) {
                    busy.add(tenantId);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not look for webhook deliveries left pending; retrying in a minute", e);
            dispatcher.schedule(this::findPendingAtStart, 1, TimeUnit.MINUTES);
        }
    }

    private void dispatchAll() {
        for (String tenantId : List.copyOf(busy)) {
            try {
                dispatch(tenantId);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Webhook deliveries of tenant " + tenantId + " failed to dispatch", e);
            }
        }
    }

    /** Sends the tenant's deliveries that are due; forgets the tenant once nothing is pending. */
    private void dispatch(String tenantId) {
        long now = System.currentTimeMillis();
        List<WebhookDeliveryEntity> due = store.query(tenantId, em -> em.createQuery("SELECT d FROM"
                + " WebhookDeliveryEntity d WHERE d.status = 'PENDING' AND d.nextAttemptAt <= :now ORDER BY"
                + " d.nextAttemptAt, d.id", WebhookDeliveryEntity.class).setParameter("now", now).setMaxResults(BATCH)
                .getResultList());
        if (due.isEmpty()) {
            long pending = store.query(tenantId, em -> em.createQuery("SELECT COUNT(d) FROM WebhookDeliveryEntity d"
                    + " WHERE d.status = 'PENDING'", Long.class).getSingleResult());
            if (pending == 0) {
                busy.remove(tenantId);
            }
            return;
        }
        Tenant tenant = data.forTenant(tenantId).tenant();
        Optional<Contribution<Notifier>> channel = webhookNotifier(tenantId);
        for (WebhookDeliveryEntity d : due) {
            attempt(tenant, d, channel);
        }
    }

    private Optional<Contribution<Notifier>> webhookNotifier(String tenantId) {
        for (Contribution<Notifier> n : notifiers.enabledFor(tenantId)) {
            try {
                if (WEBHOOK_CHANNEL.equals(gateway.call(n.pluginId(), tenantId, "notifier channel",
                        () -> n.service().channel()))) {
                    return Optional.of(n);
                }
            } catch (PluginCallFailed e) {
                LOG.log(Level.WARNING, e.getMessage(), e.getCause());
            }
        }
        return Optional.empty();
    }

    private void attempt(Tenant tenant, WebhookDeliveryEntity d, Optional<Contribution<Notifier>> channel) {
        WebhookEntity hook = store.query(tenant.id(), em -> em.find(WebhookEntity.class, d.webhookId));
        String error = null;
        if (hook == null || !hook.active) {
            error = hook == null ? "the webhook was deleted" : "the webhook is inactive";
        } else if (channel.isEmpty()) {
            error = "no notifier of the webhook channel is enabled for the tenant (org.revos.integration.webhook)";
        } else {
            error = send(tenant, d, hook, channel.get());
        }
        String failure = error;
        int max = hook == null || !hook.active ? 1 : maxAttempts(hook);
        boolean[] died = new boolean[1];
        store.transaction(tenant.id(), null, tx -> {
            WebhookDeliveryEntity stored = tx.em().find(WebhookDeliveryEntity.class, d.id);
            if (stored == null || !"PENDING".equals(stored.status) || stored.attempts != d.attempts) {
                return null; // deleted with its webhook, or retried or settled by a request meanwhile
            }
            stored.attempts++;
            stored.updatedAt = tx.now();
            if (failure == null) {
                stored.status = "DELIVERED";
                stored.deliveredAt = tx.now();
                stored.lastError = null;
            } else if (stored.attempts >= max) {
                stored.status = "DEAD";
                stored.deadAt = tx.now();
                stored.lastError = truncate(failure);
                died[0] = true;
            } else {
                stored.lastError = truncate(failure);
                stored.nextAttemptAt = tx.now() + Math.min(MAX_BACKOFF_MS, backoffMs << (stored.attempts - 1));
            }
            return null;
        });
        if (died[0] && !DEAD_LETTER_TOPIC.equals(d.topic)) {
            tellOwner(tenant, hook, d, failure);
        }
    }

    private void tellOwner(Tenant tenant, WebhookEntity hook, WebhookDeliveryEntity d, String failure) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("webhookId", d.webhookId);
        details.put("deliveryId", d.id);
        details.put("topic", d.topic);
        details.put("attempts", d.attempts + 1);
        details.put("lastError", failure);
        String where = hook == null ? d.webhookId : WebhooksResource.host(hook.url);
        Notification notice = new Notification(DEAD_LETTER_TOPIC, "Webhook delivery failed",
                "A " + d.topic + " notification to " + where + " failed " + (d.attempts + 1) + " times and was"
                        + " dead-lettered: " + failure + ". Retry it with POST /api/v1/webhooks/" + d.webhookId
                        + "/deliveries/" + d.id + "/retry once the receiver works.",
                details);
        enqueue(tenant.id(), notice, d.webhookId);
        if (hook != null && hook.ownerId != null) {
            for (Contribution<Notifier> n : notifiers.enabledFor(tenant.id())) {
                try {
                    gateway.call(n.pluginId(), tenant.id(), "dead-letter notice", () -> {
                        if (n.service().deliversToPeople()) {
                            n.service().deliver(tenant, hook.ownerId, notice);
                        }
                        return null;
                    });
                } catch (PluginCallFailed e) {
                    LOG.log(Level.WARNING, e.getMessage(), e.getCause());
                }
            }
        }
        LOG.warning("Webhook delivery " + d.id + " of tenant " + tenant.id() + " dead-lettered: " + failure);
    }

    /** Puts a dead delivery back in the queue with a fresh count of attempts. */
    void requeue(String tenantId) {
        busy.add(tenantId);
        dispatcher.execute(() -> dispatch(tenantId));
    }

    /** @return why the attempt failed, or {@code null} when the receiver took the delivery */
    private String send(Tenant tenant, WebhookDeliveryEntity d, WebhookEntity hook, Contribution<Notifier> channel) {
        try {
            outbound.checkBeforeConnecting(URI.create(hook.url)); // DNS may have changed since the URL was set
        } catch (RefusedUrl e) {
            LOG.warning("Webhook " + hook.id + " of tenant " + tenant.id() + ": " + e.getMessage());
            return e.getMessage();
        }
        NotificationTarget target = new NotificationTarget(hook.id, WEBHOOK_CHANNEL, hook.url,
                secrets.open(hook.secretSealed), WebhooksResource.events(hook));
        Notification n = notification(d.notificationJson);
        try {
            gateway.call(channel.pluginId(), tenant.id(), "webhook delivery", () -> {
                channel.service().send(tenant, target, d.id, n);
                return null;
            });
            return null;
        } catch (PluginCallFailed e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause.getMessage() == null ? "the webhook notifier failed without saying why" : cause.getMessage();
        }
    }

    private static int maxAttempts(WebhookEntity hook) {
        return hook == null || hook.maxAttempts <= 0 ? WebhooksResource.DEFAULT_ATTEMPTS : hook.maxAttempts;
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }

    static String json(Notification n) {
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Notification notification(String json) {
        try {
            return JSON.readValue(json, Notification.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a queued notification is unreadable", e);
        }
    }
}
