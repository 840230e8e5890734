package org.revos.runtime.internal.admin;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.revos.api.security.Caller;
import org.revos.kernel.spi.Ids;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.kernel.spi.rest.Access;
import org.revos.kernel.spi.rest.JsonSchemas;
import org.revos.kernel.spi.rest.Listing;
import org.revos.kernel.spi.rest.Pages;
import org.revos.kernel.spi.rest.ResponseStatus;
import org.revos.kernel.spi.rest.SchemaFrom;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.TenantEntity;
import org.revos.runtime.internal.rest.Answer;
import org.revos.runtime.internal.rest.Idempotency;
import org.revos.runtime.internal.rest.RevosApplication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code /api/v1/admin/tenants}: the clients of this installation. */
@Component(service = TenantsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosApplication.SELECT)
@Access(Access.Level.PLATFORM)
@Path("admin/tenants")
@Produces(MediaType.APPLICATION_JSON)
public final class TenantsResource {

    private static final List<String> FIELDS = List.of("name", "currency", "timeZone");
    /** Offsets {@code ZoneId.of} reads: Z, +01, +01:00, UTC+01:00, GMT-0530 (within ±18:00). */
    static final String ZONE_OFFSET_PATTERN = "^(Z|((UTC|GMT|UT)?[+-](0\\d|1[0-7])(:?[0-5]\\d)?|(UTC|GMT|UT)?[+-]18(:?00)?))$";

    private final Store store;
    private final Idempotency idempotency;

    @Activate
    public TenantsResource(@Reference Store store, @Reference Idempotency idempotency) {
        this.store = store;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @SchemaFrom(value = "createSchema", name = "TenantCreate")
    public Response create(JsonNode body, @HeaderParam(Idempotency.HEADER) String key,
            @Context SecurityContext security) {
        TenantEntity tenant = parse(body);
        Caller caller = (Caller) security.getUserPrincipal();
        return idempotency.post(tenant.id, caller, key, "POST admin/tenants\n" + body, tx -> {
            // The tenant's own audit log starts with its creation.
            tx.em().persist(tenant);
            ObjectNode created = render(tenant);
            tx.audit("TENANT_CREATED", "TENANT", tenant.id, null, created);
            return Answer.created("admin/tenants/" + tenant.id, created);
        }, answer -> answer);
    }

    @GET
    @Listing
    public JsonNode list(@Context UriInfo uri) {
        Violations v = new Violations();
        Map<String, List<String>> query = uri.getQueryParameters();
        int limit = Pages.limit(query, v);
        String after = Pages.cursor(query, v);
        query.keySet().stream().filter(k -> !k.equals("limit") && !k.equals("cursor"))
                .forEach(k -> v.add(k, "is not a filter of tenants; use limit or cursor"));
        v.throwIfAny();
        List<TenantEntity> rows = store.readPlatform(em -> em
                .createQuery("SELECT t FROM TenantEntity t WHERE t.id > :after ORDER BY t.id", TenantEntity.class)
                .setParameter("after", after).setMaxResults(limit + 1).getResultList());
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        var items = page.putArray("items");
        rows.stream().limit(limit).forEach(t -> items.add(render(t)));
        page.put("next", rows.size() > limit ? Pages.encodeCursor(rows.get(limit - 1).id) : null);
        return page;
    }

    @GET
    @Path("{tenantId}")
    public JsonNode get(@PathParam("tenantId") String id) {
        return render(find(store, id));
    }

    /** @throws Problem 404 for unknown tenants */
    static TenantEntity find(Store store, String id) {
        TenantEntity tenant = id == null || id.length() > 40 ? null
                : store.readPlatform(em -> em.find(TenantEntity.class, id));
        if (tenant == null) {
            throw Problem.notFound("tenant", id);
        }
        return tenant;
    }

    static ObjectNode render(TenantEntity t) {
        return JsonNodeFactory.instance.objectNode().put("id", t.id).put("name", t.name).put("currency", t.currency)
                .put("timeZone", t.timeZone).put("createdAt", FieldTypes.instantText(t.createdAt));
    }

    /** @return what {@link #parse} accepts */
    static ObjectNode createSchema() {
        ObjectNode currency = JsonSchemas.oneOf(Currency.getAvailableCurrencies().stream()
                .map(Currency::getCurrencyCode).toList()).put("description", "An ISO-4217 currency code; default USD");
        ObjectNode zone = JsonNodeFactory.instance.objectNode().put("description", "An IANA time zone such as"
                + " Europe/Berlin, or an offset such as +01:00; default UTC");
        zone.putArray("anyOf").add(JsonSchemas.oneOf(ZoneId.getAvailableZoneIds()))
                .add(JsonSchemas.type("string").put("pattern", ZONE_OFFSET_PATTERN));
        return JsonSchemas.object("A new tenant").required("name", JsonSchemas.text(200))
                .member("currency", JsonSchemas.nullable(currency)).member("timeZone", JsonSchemas.nullable(zone))
                .build();
    }

    private static TenantEntity parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw Problem.invalid("body", "must be a JSON object such as {\"name\": \"Acme\"}");
        }
        Violations v = new Violations();
        body.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                v.add(f, "is not a field of a tenant; use " + String.join(", ", FIELDS));
            }
        });
        TenantEntity t = new TenantEntity();
        t.id = Ids.next("ten");
        t.createdAt = System.currentTimeMillis();
        JsonNode name = body.get("name");
        if (name == null || name.isNull()) {
            v.add("name", "is required");
        } else {
            t.name = (String) FieldTypes.text(200).parse(name, "name", v);
        }
        t.currency = "USD";
        JsonNode currency = body.get("currency");
        if (currency != null && !currency.isNull()) {
            try {
                if (!currency.isTextual() || currency.textValue().length() != 3) {
                    throw new IllegalArgumentException();
                }
                t.currency = Currency.getInstance(currency.textValue()).getCurrencyCode();
            } catch (IllegalArgumentException e) {
                v.add("currency", "must be an ISO-4217 currency code such as EUR or USD");
            }
        }
        t.timeZone = "UTC";
        JsonNode zone = body.get("timeZone");
        if (zone != null && !zone.isNull()) {
            try {
                if (!zone.isTextual()) {
                    throw new DateTimeException("not text");
                }
                t.timeZone = ZoneId.of(zone.textValue()).getId();
            } catch (DateTimeException e) {
                v.add("timeZone", "must be an IANA time zone such as Europe/Berlin or UTC");
            }
        }
        v.throwIfAny();
        return t;
    }
}
