package org.revos.webhooks.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.revos.api.query.RevosData;
import org.revos.api.security.ApiRole;
import org.revos.api.security.Caller;
import org.revos.kernel.spi.Ids;
import org.revos.kernel.spi.OutboundPolicy;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.TenantStore;
import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.kernel.spi.rest.Access;
import org.revos.kernel.spi.rest.CollectionResource;
import org.revos.kernel.spi.rest.Creations;
import org.revos.kernel.spi.rest.JsonSchemas;
import org.revos.kernel.spi.rest.Listing;
import org.revos.kernel.spi.rest.MutableCollectionResource;
import org.revos.kernel.spi.rest.Pages;
import org.revos.kernel.spi.rest.ResponseStatus;
import org.revos.kernel.spi.rest.RevosResources;
import org.revos.kernel.spi.rest.SchemaFrom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/webhooks}: where a tenant's events are posted ({@code url}, {@code events}, {@code secret},
 * {@code ownerId}, {@code maxAttempts}, {@code active}), and each webhook's deliveries, dead letters included. The
 * signing secret is shown once, when it is created or rotated; lists show its first characters. Tenant ADMIN keys
 * change webhooks; every key may read them. A URL that reaches the runtime's own host or a private network is refused
 * (422) unless the platform admin allows its address ({@link OutboundPolicy}).
 */
@Component(service = WebhooksResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosResources.APPLICATION_SELECT)
@Path("webhooks")
@Produces(MediaType.APPLICATION_JSON)
public final class WebhooksResource {

    static final int DEFAULT_ATTEMPTS = 6;
    private static final Set<String> FIELDS = Set.of("url", "events", "secret", "ownerId", "maxAttempts", "active");
    private static final Set<String> STATUSES = Set.of("PENDING", "DELIVERED", "DEAD");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TenantStore store;
    private final Notifications notifications;
    private final Creations creations;
    private final OutboundPolicy outbound;
    private final RevosData data;

    @Activate
    public WebhooksResource(@Reference TenantStore store, @Reference Notifications notifications,
            @Reference Creations creations, @Reference OutboundPolicy outbound, @Reference RevosData data) {
        this.outbound = outbound;
        this.store = store;
        this.notifications = notifications;
        this.creations = creations;
        this.data = data;
    }

    @Access(Access.Level.TENANT_ADMIN)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @SchemaFrom(value = "createSchema", name = "WebhookCreate")
    public Response create(JsonNode body, @HeaderParam(CollectionResource.IDEMPOTENCY_KEY) String idempotencyKey,
            @Context SecurityContext security) {
        Caller caller = admin(security);
        checkAddress(body);
        Response created = creations.create(caller, idempotencyKey, "POST webhooks\n" + body, tx -> {
            WebhookEntity hook = new WebhookEntity();
            hook.id = Ids.next("whk");
            hook.active = true;
            hook.maxAttempts = DEFAULT_ATTEMPTS;
            hook.createdAt = tx.now();
            String secret = apply(tx, hook, body, true);
            hook.updatedAt = tx.now();
            tx.em().persist(hook);
            ObjectNode shown = render(hook).put("secret", secret);
            tx.audit("CREATE", "WEBHOOK", hook.id, null, render(hook));
            return new Creations.Created("webhooks/" + hook.id, shown);
        }, shown -> ((ObjectNode) shown).deepCopy().put("secret", "(shown once, when created)"));
        notifications.webhooksChanged(caller.tenantId());
        return created;
    }

    @GET
    @Listing(paged = false)
    public JsonNode list(@Context SecurityContext security) {
        return store.query(tenant(security), em -> {
            ObjectNode page = JsonNodeFactory.instance.objectNode();
            ArrayNode items = page.putArray("items");
            em.createQuery("SELECT w FROM WebhookEntity w ORDER BY w.id", WebhookEntity.class).getResultList()
                    .forEach(w -> items.add(render(w)));
            page.putNull("next");
            return page;
        });
    }

    @GET
    @Path("{id}")
    public JsonNode get(@PathParam("id") String id, @Context SecurityContext security) {
        return store.query(tenant(security), em -> render(find(em.find(WebhookEntity.class, id), id)));
    }

    @Access(Access.Level.TENANT_ADMIN)
    @PATCH
    @Path("{id}")
    @Consumes({ MediaType.APPLICATION_JSON, MutableCollectionResource.MERGE_PATCH })
    @SchemaFrom(value = "patchSchema", name = "WebhookPatch")
    public JsonNode patch(@PathParam("id") String id, JsonNode body, @Context SecurityContext security) {
        Caller caller = admin(security);
        checkAddress(body);
        JsonNode changed = store.transaction(caller.tenantId(), caller, tx -> {
            WebhookEntity hook = find(tx.em().find(WebhookEntity.class, id), id);
            ObjectNode before = render(hook);
            String secret = apply(tx, hook, body, false);
            hook.updatedAt = tx.now();
            ObjectNode after = render(hook);
            tx.audit("UPDATE", "WEBHOOK", id, before, after);
            return secret == null ? after : after.deepCopy().put("secret", secret);
        });
        notifications.webhooksChanged(caller.tenantId());
        return changed;
    }

    @Access(Access.Level.TENANT_ADMIN)
    @DELETE
    @Path("{id}")
    @ResponseStatus(204)
    public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = admin(security);
        store.transaction(caller.tenantId(), caller, tx -> {
            WebhookEntity hook = find(tx.em().find(WebhookEntity.class, id), id);
            tx.em().createQuery("DELETE FROM WebhookDeliveryEntity d WHERE d.webhookId = :id")
                    .setParameter("id", id).executeUpdate();
            tx.audit("DELETE", "WEBHOOK", id, render(hook), null);
            tx.em().remove(hook);
            return null;
        });
        notifications.webhooksChanged(caller.tenantId());
        return Response.noContent().build();
    }

    /** {@code GET /webhooks/{id}/deliveries?status=DEAD}: the webhook's deliveries, newest first. */
    @GET
    @Path("{id}/deliveries")
    @Listing(filters = "status", filterSchemas = "deliveryFilters")
    public JsonNode deliveries(@PathParam("id") String id, @Context UriInfo uri, @Context SecurityContext security) {
        Map<String, List<String>> query = uri.getQueryParameters();
        Violations v = new Violations();
        int limit = Pages.limit(query, v);
        String before = Pages.cursor(query, v);
        List<String> status = query.getOrDefault("status", List.of());
        if (!status.isEmpty() && !STATUSES.contains(status.get(0))) {
            v.add("status", "must be one of " + STATUSES);
        }
        query.keySet().stream().filter(k -> !Set.of("status", "limit", "cursor").contains(k))
                .forEach(k -> v.add(k, "is not a parameter of deliveries; use status, limit or cursor"));
        v.throwIfAny();
        return store.query(tenant(security), em -> {
            find(em.find(WebhookEntity.class, id), id);
            var q = em.createQuery("SELECT d FROM WebhookDeliveryEntity d WHERE d.webhookId = :id"
                    + (before.isEmpty() ? "" : " AND d.id < :before") + (status.isEmpty() ? "" : " AND d.status = :s")
                    + " ORDER BY d.id DESC", WebhookDeliveryEntity.class).setParameter("id", id)
                    .setMaxResults(limit + 1);
            if (!before.isEmpty()) {
                q.setParameter("before", before);
            }
            if (!status.isEmpty()) {
                q.setParameter("s", status.get(0));
            }
            List<WebhookDeliveryEntity> rows = q.getResultList();
            ObjectNode page = JsonNodeFactory.instance.objectNode();
            ArrayNode items = page.putArray("items");
            rows.stream().limit(limit).forEach(d -> items.add(render(d)));
            page.put("next", rows.size() > limit ? Pages.encodeCursor(rows.get(limit - 1).id) : null);
            return page;
        });
    }

    /** {@code POST /webhooks/{id}/deliveries/{deliveryId}/retry}: a dead letter back in the queue. */
    @Access(Access.Level.TENANT_ADMIN)
    @POST
    @Path("{id}/deliveries/{deliveryId}/retry")
    public JsonNode retry(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId,
            @Context SecurityContext security) {
        Caller caller = admin(security);
        JsonNode out = store.transaction(caller.tenantId(), caller, tx -> {
            find(tx.em().find(WebhookEntity.class, id), id);
            WebhookDeliveryEntity d = tx.em().find(WebhookDeliveryEntity.class, deliveryId);
            if (d == null || !d.webhookId.equals(id)) {
                throw Problem.notFound("delivery", deliveryId);
            }
            if (!"DEAD".equals(d.status)) {
                throw Problem.conflict("Only a dead delivery can be retried; this one is " + d.status, List.of());
            }
            d.status = "PENDING";
            d.attempts = 0;
            d.deadAt = null;
            d.nextAttemptAt = tx.now();
            d.updatedAt = tx.now();
            tx.audit("RETRY", "WEBHOOK_DELIVERY", d.id, (JsonNode) null, null);
            return render(d);
        });
        notifications.requeue(caller.tenantId());
        return out;
    }

    /** @return what {@link #create} accepts */
    static ObjectNode createSchema() {
        return schema(true);
    }

    /** @return what {@link #patch} accepts */
    static ObjectNode patchSchema() {
        return schema(false);
    }

    static ObjectNode deliveryFilters() {
        return JsonNodeFactory.instance.objectNode().set("status", JsonSchemas.oneOf(STATUSES));
    }

    /** @return the members {@link #apply} reads: url and events required on creation, never null */
    private static ObjectNode schema(boolean creating) {
        ObjectNode url = JsonSchemas.type("string").put("format", "uri").put("maxLength", 2000)
                .put("pattern", "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+([/?#]\\S*)?$")
                .put("description", "An absolute http or https URL with a host");
        ObjectNode topic = JsonSchemas.type("string").put("pattern", "^(" + Topics.SUBSCRIPTION.pattern() + ")$")
                .put("description", "An event topic such as org/revos/deal/WON, a prefix such as org/revos/*, or *");
        ObjectNode events = JsonSchemas.array(topic, 1, 50);
        JsonSchemas object = JsonSchemas.object(creating ? "A new webhook" : "The members to change; members not sent"
                + " stay as they are");
        if (creating) {
            object.required("url", url).required("events", events);
        } else {
            object.member("url", url).member("events", events);
        }
        return object.member("secret", JsonSchemas.type("string").put("minLength", 16).put("maxLength", 200)
                .put("description", "The signing secret; leave it out and RevOS generates one"))
                .member("ownerId", JsonSchemas.nullable(JsonSchemas.reference("usr", "users")))
                .member("maxAttempts", JsonSchemas.integer(1, 20)).member("active", JsonSchemas.type("boolean"))
                .build();
    }

    /** @return the new secret when one was generated or set, else {@code null} */
    private String apply(TenantTransaction tx, WebhookEntity hook, JsonNode body, boolean creating) {
        if (body == null || !body.isObject()) {
            throw Problem.invalid("body", "must be a JSON object such as {\"url\": \"https://hooks.example.com/…\","
                    + " \"events\": [\"org/revos/deal/WON\"]}");
        }
        Violations v = new Violations();
        for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                v.add(name, "is not a field of a webhook; use " + String.join(", ", new java.util.TreeSet<>(FIELDS)));
            }
        }
        JsonNode url = body.get("url");
        if (url != null || creating) {
            String text = url == null || !url.isTextual() ? null : url.textValue();
            if (text == null || !validUrl(text)) {
                v.add("url", "must be an absolute http or https URL of at most 2000 characters");
            } else {
                hook.url = text;
            }
        }
        JsonNode events = body.get("events");
        if (events != null || creating) {
            List<String> topics = new ArrayList<>();
            if (events == null || !events.isArray() || events.isEmpty() || events.size() > 50) {
                v.add("events", "must list 1 to 50 event topics, such as [\"org/revos/deal/WON\", \"org/revos/credit/*\"]");
            } else {
                for (int i = 0; i < events.size(); i++) {
                    JsonNode e = events.get(i);
                    if (!e.isTextual() || !Topics.SUBSCRIPTION.matcher(e.textValue()).matches()) {
                        v.add("events[" + i + "]", "must be an event topic such as org/revos/deal/WON, a prefix such"
                                + " as org/revos/*, or *");
                    } else {
                        topics.add(e.textValue());
                    }
                }
                hook.events = FieldTypes.writeJson(topics);
            }
        }
        JsonNode owner = body.get("ownerId");
        if (owner != null) {
            if (owner.isNull()) {
                hook.ownerId = null;
            } else if (!owner.isTextual() || data.forTenant(tx.tenantId()).user(owner.textValue()).isEmpty()) {
                v.add("ownerId", "must be the id of a user of this tenant");
            } else {
                hook.ownerId = owner.textValue();
            }
        }
        JsonNode attempts = body.get("maxAttempts");
        if (attempts != null) {
            if (!attempts.canConvertToInt() || !attempts.isIntegralNumber() || attempts.intValue() < 1
                    || attempts.intValue() > 20) {
                v.add("maxAttempts", "must be a whole number from 1 to 20");
            } else {
                hook.maxAttempts = attempts.intValue();
            }
        }
        JsonNode active = body.get("active");
        if (active != null) {
            if (!active.isBoolean()) {
                v.add("active", "must be true or false");
            } else {
                hook.active = active.booleanValue();
            }
        }
        String secret = null;
        JsonNode given = body.get("secret");
        if (given != null && (!given.isTextual() || given.textValue().length() < 16 || given.textValue().length() > 200)) {
            v.add("secret", "must be 16 to 200 characters; leave it out and RevOS generates one");
        } else if (given != null || creating) {
            secret = given != null ? given.textValue() : newSecret();
        }
        v.throwIfAny();
        if (secret != null) {
            hook.secretSealed = notifications.secrets().seal(secret);
            hook.secretPrefix = secret.substring(0, Math.min(10, secret.length()));
        }
        return secret;
    }

    /**
     * Refuses (422) a well-formed URL that reaches the runtime's own host or a private network; checked before the
     * transaction, since it may look the host up.
     */
    private void checkAddress(JsonNode body) {
        JsonNode url = body == null ? null : body.get("url");
        if (url == null || !url.isTextual() || !validUrl(url.textValue())) {
            return;
        }
        outbound.refusal(URI.create(url.textValue())).ifPresent(refused -> {
            throw Problem.unprocessable("Webhook address refused", "url", refused);
        });
    }

    private static boolean validUrl(String text) {
        if (text.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static List<String> events(WebhookEntity w) {
        List<String> out = new ArrayList<>();
        FieldTypes.readTree(w.events).forEach(n -> out.add(n.asText()));
        return out;
    }

    static String host(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() + "://" + uri.getAuthority();
        } catch (URISyntaxException e) {
            return "(invalid URL)";
        }
    }

    private static ObjectNode render(WebhookEntity w) {
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("id", w.id).put("url", w.url);
        events(w).forEach(out.putArray("events")::add);
        return out.put("secretPrefix", w.secretPrefix).put("ownerId", w.ownerId).put("maxAttempts", w.maxAttempts)
                .put("active", w.active).put("createdAt", FieldTypes.instantText(w.createdAt))
                .put("updatedAt", FieldTypes.instantText(w.updatedAt));
    }

    private static ObjectNode render(WebhookDeliveryEntity d) {
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("id", d.id).put("webhookId", d.webhookId)
                .put("topic", d.topic).put("status", d.status).put("attempts", d.attempts)
                .put("lastError", d.lastError).put("createdAt", FieldTypes.instantText(d.createdAt))
                .put("nextAttemptAt", "PENDING".equals(d.status) ? FieldTypes.instantText(d.nextAttemptAt) : null)
                .put("deliveredAt", d.deliveredAt == null ? null : FieldTypes.instantText(d.deliveredAt))
                .put("deadAt", d.deadAt == null ? null : FieldTypes.instantText(d.deadAt));
        out.set("notification", FieldTypes.readTree(d.notificationJson));
        return out;
    }

    private static WebhookEntity find(WebhookEntity hook, String id) {
        if (hook == null) {
            throw Problem.notFound("webhook", id);
        }
        return hook;
    }

    private static Caller admin(SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        if (caller.role() != ApiRole.ADMIN) {
            throw Problem.forbidden("Only a tenant ADMIN key may change webhooks");
        }
        return caller;
    }

    private static String tenant(SecurityContext security) {
        return ((Caller) security.getUserPrincipal()).tenantId();
    }

    /** @return a new signing secret: {@code whsec_} and 43 base64url characters (256 random bits) */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
