package org.revos.integration.internal;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.revos.api.model.ObjectType;
import org.revos.api.security.ApiRole;
import org.revos.api.security.Caller;
import org.revos.api.spi.Importer;
import org.revos.kernel.spi.Contributions.Contribution;
import org.revos.kernel.spi.Ids;
import org.revos.kernel.spi.PluginCallFailed;
import org.revos.kernel.spi.PluginCalls;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.TenantStore;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.Field;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.kernel.spi.objects.ObjectCollections;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.kernel.spi.rest.Access;
import org.revos.kernel.spi.rest.CollectionResource;
import org.revos.kernel.spi.rest.Creations;
import org.revos.kernel.spi.rest.JsonSchemas;
import org.revos.kernel.spi.rest.Listing;
import org.revos.kernel.spi.rest.Pages;
import org.revos.kernel.spi.rest.ResponseStatus;
import org.revos.kernel.spi.rest.RevosResources;
import org.revos.kernel.spi.rest.SchemaFrom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One-way syncs: {@code GET|POST /api/v1/sync/definitions}, {@code GET|DELETE .../{id}}, {@code POST .../{id}/run}
 * (run now), and {@code GET /api/v1/sync/errors?status=&definitionId=} (every recorded failure with its attempts,
 * status and assigned owner). Tenant ADMIN keys change definitions; every key may read. A location must be a file in
 * the tenant's folder or a URL the outbound policy allows ({@link SyncSource}); anything else is a 422.
 */
@Component(service = SyncResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosResources.APPLICATION_SELECT)
@Path("sync")
@Produces(MediaType.APPLICATION_JSON)
public final class SyncResource {

    private static final Set<String> FIELDS = Set.of("objectType", "source", "direction", "intervalMinutes",
            "location", "format", "fields", "ownerId", "maxAttempts");
    private static final Set<String> STATUSES = Set.of("RETRYING", "GAVE_UP", "RESOLVED");
    private static final int DEFAULT_ATTEMPTS = 5;

    /**
     * The kernel's collections for {@link #createSchema}, which the OpenAPI document calls statically; set while the
     * resource is active, which is before its paths are served or documented.
     */
    static volatile ObjectCollections documented;

    private final TenantStore store;
    private final Imports imports;
    private final PluginCalls gateway;
    private final SyncEngine engine;
    private final Creations creations;
    private final SyncSource locations;
    private final ObjectCollections objects;

    @Activate
    public SyncResource(@Reference TenantStore store, @Reference Imports imports, @Reference PluginCalls gateway,
            @Reference SyncEngine engine, @Reference Creations creations, @Reference SyncSource locations,
            @Reference ObjectCollections objects) {
        this.locations = locations;
        this.store = store;
        this.imports = imports;
        this.gateway = gateway;
        this.engine = engine;
        this.creations = creations;
        this.objects = objects;
        documented = objects;
    }

    @Access(Access.Level.TENANT_ADMIN)
    @POST
    @Path("definitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @SchemaFrom(value = "createSchema", name = "SyncDefinitionCreate")
    public Response create(JsonNode body, @HeaderParam(CollectionResource.IDEMPOTENCY_KEY) String idempotencyKey,
            @Context SecurityContext security) {
        Caller caller = admin(security);
        Violations v = new Violations();
        SyncDefinitionEntity d = parse(caller.tenantId(), body, v);
        if (v.isEmpty()) {
            locations.refusal(caller.tenantId(), d.location).ifPresent(refused -> {
                throw Problem.unprocessable("Location refused", "location", refused);
            });
        }
        Response answer = creations.create(caller, idempotencyKey, "POST sync/definitions\n" + body, tx -> {
                    checkInTx(tx.em(), d, v);
                    v.throwIfAny();
                    d.id = Ids.next("syd");
                    d.createdAt = tx.now();
                    d.updatedAt = tx.now();
                    d.nextRunAt = tx.now();
                    tx.em().persist(d);
                    ObjectNode shown = render(d);
                    tx.audit("CREATE", "SYNC_DEFINITION", d.id, null, shown);
                    return new Creations.Created("sync/definitions/" + d.id, shown);
                }, kept -> kept);
        if (d.id != null) {
            engine.runSoon(caller.tenantId(), d.id);
        }
        return answer;
    }

    @GET
    @Path("definitions")
    @Listing(paged = false)
    public JsonNode definitions(@Context SecurityContext security) {
        return store.query(tenant(security), em -> {
            ObjectNode page = JsonNodeFactory.instance.objectNode();
            ArrayNode items = page.putArray("items");
            em.createQuery("SELECT d FROM SyncDefinitionEntity d ORDER BY d.id", SyncDefinitionEntity.class)
                    .getResultList().forEach(d -> items.add(render(d)));
            page.putNull("next");
            return page;
        });
    }

    @GET
    @Path("definitions/{id}")
    public JsonNode definition(@PathParam("id") String id, @Context SecurityContext security) {
        return store.query(tenant(security), em -> render(find(em, id)));
    }

    @Access(Access.Level.TENANT_ADMIN)
    @DELETE
    @Path("definitions/{id}")
    @ResponseStatus(204)
    public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = admin(security);
        store.transaction(caller.tenantId(), caller, tx -> {
            SyncDefinitionEntity d = find(tx.em(), id);
            tx.em().createQuery("DELETE FROM SyncErrorEntity e WHERE e.definitionId = :d").setParameter("d", id)
                    .executeUpdate();
            tx.audit("DELETE", "SYNC_DEFINITION", id, render(d), null);
            tx.em().remove(d);
            return null;
        });
        return Response.noContent().build();
    }

    @Access(Access.Level.TENANT_ADMIN)
    @POST
    @Path("definitions/{id}/run")
    @ResponseStatus(202)
    public Response run(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = admin(security);
        JsonNode shown = store.query(caller.tenantId(), em -> render(find(em, id)));
        engine.runSoon(caller.tenantId(), id);
        return Response.accepted(shown).build();
    }

    @GET
    @Path("errors")
    @Listing(filters = { "status", "definitionId" }, filterSchemas = "errorFilters")
    public JsonNode errors(@Context UriInfo uri, @Context SecurityContext security) {
        Map<String, List<String>> query = uri.getQueryParameters();
        Violations v = new Violations();
        int limit = Pages.limit(query, v);
        String after = Pages.cursor(query, v);
        String status = first(query, "status");
        String definition = first(query, "definitionId");
        if (status != null && !STATUSES.contains(status)) {
            v.add("status", "must be one of " + STATUSES);
        }
        query.keySet().stream().filter(k -> !Set.of("status", "definitionId", "limit", "cursor").contains(k))
                .forEach(k -> v.add(k, "is not a parameter of sync errors; use status, definitionId, limit or"
                        + " cursor"));
        v.throwIfAny();
        return store.query(tenant(security), em -> {
            var q = em.createQuery("SELECT e FROM SyncErrorEntity e WHERE e.id > :after"
                    + (status == null ? "" : " AND e.status = :s") + (definition == null ? ""
                            : " AND e.definitionId = :d") + " ORDER BY e.id", SyncErrorEntity.class)
                    .setParameter("after", after).setMaxResults(limit + 1);
            if (status != null) {
                q.setParameter("s", status);
            }
            if (definition != null) {
                q.setParameter("d", definition);
            }
            List<SyncErrorEntity> rows = q.getResultList();
            ObjectNode page = JsonNodeFactory.instance.objectNode();
            ArrayNode items = page.putArray("items");
            rows.stream().limit(limit).forEach(e -> items.add(render(e)));
            page.put("next", rows.size() > limit ? Pages.encodeCursor(rows.get(limit - 1).id) : null);
            return page;
        });
    }

    static ObjectNode errorFilters() {
        ObjectNode filters = JsonNodeFactory.instance.objectNode();
        filters.set("status", JsonSchemas.oneOf(STATUSES));
        return filters;
    }

    /**
     * @return what {@link #parse} accepts: one shape per inbound object type (its fields are that type's writable
     *         fields) and one outbound shape (a file location, no fields)
     */
    static ObjectNode createSchema() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("description", "A new sync definition: "
                + "ONE_WAY_IN reads objectType from location (a file in the tenant's folder or an http(s) URL);"
                + " ONE_WAY_OUT writes it to a file there");
        ArrayNode shapes = schema.putArray("oneOf");
        ObjectCollections kernel = documented;
        if (kernel == null) {
            throw new IllegalStateException("The sync resource is not active: the kernel's collections are unknown");
        }
        for (ObjectSchema<?> object : Transfers.objects(kernel)) {
            List<String> writable = object.fields().stream().filter(f -> f.mode() == Field.Mode.WRITABLE)
                    .map(Field::name).toList();
            ObjectNode fields = JsonSchemas.array(JsonSchemas.oneOf(writable), 1, writable.size())
                    .put("uniqueItems", true).put("description", "The fields the sync owns; default: those the"
                            + " format's importer carries");
            ObjectNode location = JsonNodeFactory.instance.objectNode();
            location.putArray("anyOf").add(file()).add(url());
            shapes.add(definition(JsonSchemas.oneOf(List.of(object.path())), "ONE_WAY_IN", location)
                    .member("fields", JsonSchemas.nullable(fields)).build());
        }
        shapes.add(definition(JsonSchemas.oneOf(Transfers.PATHS),
                "ONE_WAY_OUT", file()).build());
        return schema;
    }

    private static JsonSchemas definition(ObjectNode objectType, String direction, ObjectNode location) {
        ObjectNode text = JsonSchemas.type("string").put("pattern", "\\S");
        return JsonSchemas.object(null).required("objectType", objectType)
                .required("source", text.deepCopy().put("maxLength", 100)
                        .put("description", "The external system, such as HubSpot"))
                .required("direction", JsonSchemas.oneOf(List.of(direction)))
                .required("intervalMinutes", JsonSchemas.integer(1, 7 * 24 * 60))
                .required("location", location)
                .required("ownerId", JsonSchemas.reference("usr", "users"))
                .member("format", JsonSchemas.nullable(text.deepCopy().put("maxLength", 40).put("default", "native")
                        .put("description", "An import format: native, or one a plugin provides, such as hubspot or"
                                + " salesforce"))
                        .set("examples", JsonNodeFactory.instance.arrayNode().add("native")))
                .member("maxAttempts", JsonSchemas.nullable(JsonSchemas.integer(1, 20)));
    }

    /** A path inside the tenant's folder; a relative path that starts with http would be read as a URL. */
    private static ObjectNode file() {
        return JsonSchemas.type("string").put("maxLength", 2000).put("description", "A file in the tenant's folder")
                .put("pattern", "^(?!http)[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}(/[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}){0,9}$");
    }

    private static ObjectNode url() {
        return JsonSchemas.type("string").put("format", "uri").put("maxLength", 2000).put("description",
                "An http(s) URL the outbound policy allows").put("pattern", "^https?://[^\\s/?#]+([/?#]\\S*)?$");
    }

    private SyncDefinitionEntity parse(String tenantId, JsonNode body, Violations v) {
        SyncDefinitionEntity d = new SyncDefinitionEntity();
        if (body == null || !body.isObject()) {
            v.add("", "must be a JSON object with objectType, source, direction, intervalMinutes, location and"
                    + " ownerId");
            v.throwIfAny();
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                v.add(name, "is not a field of a sync definition; use " + String.join(", ", FIELDS));
            }
        }
        Violations typeProblems = new Violations();
        ObjectSchema<?> schema = Transfers.object(objects, text(body, "objectType", 40, v), typeProblems);
        typeProblems.list().forEach(e -> v.add("objectType", e.message()));
        d.objectType = schema == null ? null : schema.type().name();
        d.source = text(body, "source", 100, v);
        d.direction = text(body, "direction", 12, v);
        boolean outbound = "ONE_WAY_OUT".equals(d.direction);
        if (d.direction != null && !outbound && !d.direction.equals("ONE_WAY_IN")) {
            v.add("direction", "must be ONE_WAY_IN (the external system is the source of truth; RevOS reads from it)"
                    + " or ONE_WAY_OUT (RevOS is; it writes the objects out)");
        }
        d.intervalMinutes = number(body, "intervalMinutes", 1, 7 * 24 * 60, null, v);
        d.maxAttempts = number(body, "maxAttempts", 1, 20, DEFAULT_ATTEMPTS, v);
        d.location = text(body, "location", 2000, v);
        if (d.location != null && d.location.startsWith("http") && !SyncSource.isUrl(d.location)) {
            v.add("location", "must be an http(s):// URL or a file path");
        } else if (d.location != null && outbound && SyncSource.isUrl(d.location)) {
            v.add("location", "must be a file path for ONE_WAY_OUT: RevOS writes the export there");
        }
        d.ownerId = text(body, "ownerId", 40, v);
        d.format = body.hasNonNull("format") ? text(body, "format", 40, v) : "native";
        if (outbound && body.has("fields")) {
            v.add("fields", "is for ONE_WAY_IN only: an outbound sync writes every field and owns none in RevOS");
        }
        d.fields = schema == null ? null : outbound ? "" : fields(tenantId, schema, d.format, body.get("fields"), v);
        return d;
    }

    private String fields(String tenantId, ObjectSchema<?> schema, String format, JsonNode listed, Violations v) {
        Set<String> writable = new LinkedHashSet<>();
        for (Field<?> f : schema.fields()) {
            if (f.mode() == Field.Mode.WRITABLE) {
                writable.add(f.name());
            }
        }
        Set<String> out = new LinkedHashSet<>();
        if (listed != null && !listed.isNull()) {
            if (!listed.isArray() || listed.isEmpty()) {
                v.add("fields", "must be a non-empty list of field names of " + schema.withArticle());
                return null;
            }
            listed.forEach(f -> {
                if (!f.isTextual() || !writable.contains(f.asText())) {
                    v.add("fields", f + " is not a writable field of " + schema.withArticle() + "; use " + writable);
                } else {
                    out.add(f.asText());
                }
            });
            return String.join(",", out);
        }
        if (format == null) {
            return null;
        }
        try {
            Contribution<Importer> importer = imports.importer(tenantId, format, schema);
            Map<String, String> columns = gateway.call(importer.pluginId(), tenantId, "import columns",
                    () -> importer.service().columns(schema.type()));
            columns.values().stream().filter(writable::contains).forEach(out::add);
        } catch (Problem p) {
            p.errors().forEach(e -> v.add(e.field(), e.message()));
            return null;
        } catch (PluginCallFailed e) {
            v.add("format", "its importer could not say which fields it carries: " + e.getMessage());
            return null;
        }
        return String.join(",", out.isEmpty() ? writable : out);
    }

    private void checkInTx(EntityManager em, SyncDefinitionEntity d, Violations v) {
        if (d.ownerId != null && (d.ownerId.length() > 40 || em.find(Transfers.of(objects, ObjectType.USER)
                .entityClass(), d.ownerId) == null)) {
            v.add("ownerId", "is not a user of this tenant");
        }
        List<String> inbound = d.objectType == null || !"ONE_WAY_IN".equals(d.direction) ? List.of()
                : em.createQuery("SELECT d.id FROM SyncDefinitionEntity d WHERE d.objectType = :t AND d.direction"
                        + " = 'ONE_WAY_IN'", String.class).setParameter("t", d.objectType).getResultList();
        if (!inbound.isEmpty()) {
            v.add("objectType", d.objectType + " already has an inbound sync (" + inbound.get(0) + "): an object has"
                    + " one source of truth; delete that definition first");
        }
    }

    private static String text(JsonNode body, String name, int max, Violations v) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            v.add(name, "is required");
            return null;
        }
        if (!value.isTextual() || value.asText().length() > max) {
            v.add(name, "must be text of at most " + max + " characters");
            return null;
        }
        return value.asText().trim();
    }

    private static int number(JsonNode body, String name, int min, int max, Integer fallback, Violations v) {
        JsonNode value = body.get(name);
        if ((value == null || value.isNull()) && fallback != null) {
            return fallback;
        }
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min
                || value.asInt() > max) {
            v.add(name, (value == null ? "is required: " : "must be ") + "a whole number from " + min + " to " + max);
            return 0;
        }
        return value.asInt();
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).trim();
    }

    private static SyncDefinitionEntity find(EntityManager em, String id) {
        SyncDefinitionEntity d = id == null || id.length() > 40 ? null : em.find(SyncDefinitionEntity.class, id);
        if (d == null) {
            throw Problem.notFound("sync definition", id);
        }
        return d;
    }

    static ObjectNode render(SyncDefinitionEntity d) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", d.id);
        o.put("objectType", d.objectType);
        o.put("source", d.source);
        o.put("direction", d.direction);
        o.put("intervalMinutes", d.intervalMinutes);
        o.put("location", d.location);
        o.put("format", d.format);
        ArrayNode fields = o.putArray("fields");
        List.of(d.fields.split(",")).stream().filter(f -> !f.isEmpty()).forEach(fields::add);
        o.put("ownerId", d.ownerId);
        o.put("maxAttempts", d.maxAttempts);
        o.put("nextRunAt", FieldTypes.instantText(d.nextRunAt));
        o.put("lastRunAt", d.lastRunAt == null ? null : FieldTypes.instantText(d.lastRunAt));
        o.put("lastStatus", d.lastStatus);
        o.put("lastDetail", d.lastDetail);
        o.put("createdAt", FieldTypes.instantText(d.createdAt));
        return o;
    }

    static ObjectNode render(SyncErrorEntity e) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", e.id);
        o.put("definitionId", e.definitionId);
        ObjectNode object = o.putObject("object");
        object.put("objectType", e.objectType);
        object.put("externalId", e.rowKey.startsWith("line ") || SyncEngine.SOURCE_KEY.equals(e.rowKey) ? null
                : e.rowKey);
        object.put("id", e.objectId);
        object.put("line", e.line == 0 ? null : e.line);
        o.put("error", e.error);
        o.put("attempts", e.attempts);
        o.put("status", e.status);
        o.put("assignedTo", e.assignedTo);
        o.put("lastAttemptAt", FieldTypes.instantText(e.lastAttemptAt));
        o.put("nextRetryAt", e.nextRetryAt == null ? null : FieldTypes.instantText(e.nextRetryAt));
        o.put("firstSeenAt", FieldTypes.instantText(e.createdAt));
        return o;
    }

    private static Caller admin(SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        if (caller.role() != ApiRole.ADMIN) {
            throw Problem.forbidden("Only a tenant ADMIN key may change sync definitions");
        }
        return caller;
    }

    private static String tenant(SecurityContext security) {
        return ((Caller) security.getUserPrincipal()).tenantId();
    }
}
