package org.revos.leads.internal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.revos.api.model.Period;
import org.revos.api.query.RevosData;
import org.revos.api.security.ApiRole;
import org.revos.api.security.Caller;
import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.JobRunner;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.TenantStore;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.rest.Access;
import org.revos.kernel.spi.rest.Described;
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
 * {@code /api/v1/leads/intake}: sign-ups in (one, a batch of up to {@value #MAX_BATCH} answered at once, or up to
 * {@value #MAX_JOB} in a job), their intake records out, the tenant's intake settings, and the lead funnel of the sign-ups received in a period.
 */
@Component(service = LeadsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosResources.APPLICATION_SELECT)
@Path("leads/intake")
@Produces(MediaType.APPLICATION_JSON)
public final class LeadsResource {

    static final int MAX_BATCH = 1000;
    /** The most sign-ups one batch request may post; more than {@link #MAX_BATCH} are taken in a job. */
    static final int MAX_JOB = 10_000;
    private static final List<String> OUTCOMES = List.of("ROUTED", "QUEUED", "DIVERTED");

    private final TenantStore store;
    private final LeadsEngine engine;
    private final RevosData data;
    private final JobRunner jobs;

    @Activate
    public LeadsResource(@Reference TenantStore store, @Reference LeadsEngine engine, @Reference RevosData data,
            @Reference JobRunner jobs) {
        this.store = store;
        this.engine = engine;
        this.data = data;
        this.jobs = jobs;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @SchemaFrom(value = "signUpSchema", name = "LeadSignUp")
    public Response intake(JsonNode body, @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        Violations v = new Violations();
        SignUpInput signUp = SignUpInput.parse(body, "", Instant.now(), v);
        v.throwIfAny();
        ObjectNode record = engine.intake(caller, List.of(signUp), true).get(0).record();
        return Response.status(201).type(MediaType.APPLICATION_JSON)
                .location(URI.create("/api/v1/leads/intake/" + record.get("id").asText())).entity(record).build();
    }

    static ObjectNode signUpSchema() {
        return SignUpInput.schema();
    }

    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @SchemaFrom(value = "batchSchema", name = "LeadSignUpBatch")
    public Response batch(JsonNode body, @QueryParam("async") @SchemaFrom("asyncSchema") @Described("true: take the"
            + " sign-ups in a job and answer 202 at once; a batch of more than " + MAX_BATCH + " sign-ups always is"
            + " a job") String async, @Context UriInfo uri, @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        Violations v = new Violations();
        unknown(uri.getQueryParameters(), Set.of("async"), v);
        String a = blank(async);
        if (a != null && !a.equals("true") && !a.equals("false")) {
            v.add("async", "must be true or false");
        }
        List<SignUpInput> signUps = new ArrayList<>();
        JsonNode list = body == null ? null : body.get("signUps");
        if (body == null || !body.isObject()) {
            v.add("body", "must be a JSON object such as {\"signUps\": [{\"email\": \"ana@acme.com\"}]}");
        } else if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_JOB) {
            v.add("signUps", "must be a list of 1 to " + String.format(java.util.Locale.ROOT, "%,d", MAX_JOB)
                    + " sign-ups (more than " + MAX_BATCH + " are taken in a job)");
        } else {
            body.fieldNames().forEachRemaining(f -> {
                if (!f.equals("signUps")) {
                    v.add(f, "is not a member of a batch; use signUps");
                }
            });
            Instant now = Instant.now();
            for (int i = 0; i < list.size(); i++) {
                signUps.add(SignUpInput.parse(list.get(i), "signUps[" + i + "]", now, v));
            }
        }
        v.throwIfAny();
        if ("true".equals(a) || signUps.size() > MAX_BATCH) {
            return jobs.submit(caller.tenantId(), caller, "leads.intake", progress -> {
                progress.total(signUps.size());
                List<LeadsEngine.Result> results = engine.intake(caller, signUps, false, progress::done,
                        progress::cancelled);
                for (int i = 0; i < results.size(); i++) {
                    Problem p = results.get(i).problem();
                    if (p != null) {
                        if (p.errors().isEmpty()) {
                            progress.error(i + 1, null, p.getMessage());
                        }
                        for (FieldError e : p.errors()) {
                            progress.error(i + 1, "signUps[" + i + "]." + e.field(), e.message());
                        }
                    }
                }
                return answer(results, signUps.size(), true);
            }).response();
        }
        return Response.ok(answer(engine.intake(caller, signUps, false), signUps.size(), false),
                MediaType.APPLICATION_JSON).build();
    }

    /**
     * @param brief whether items are outcomes only (a job's result, which may hold thousands): the record's id, lead,
     *              outcome, owner or lane, score and MQL, the rest at {@code /leads/intake/{id}}
     */
    static ObjectNode answer(List<LeadsEngine.Result> results, int of, boolean brief) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Map<String, Integer> counts = new TreeMap<>();
        OUTCOMES.forEach(o -> counts.put(o, 0));
        counts.put("REFUSED", 0);
        int mql = 0;
        ArrayNode items = out.putArray("items");
        for (int i = 0; i < results.size(); i++) {
            LeadsEngine.Result r = results.get(i);
            if (r.record() != null) {
                ObjectNode record = r.record();
                if (brief) {
                    ObjectNode item = items.addObject().put("index", i);
                    for (String member : List.of("id", "leadId", "outcome", "ownerId", "lane", "duplicateOf")) {
                        item.set(member, record.get(member));
                    }
                    JsonNode score = record.at("/score/value");
                    item.set("score", score.isMissingNode() ? JsonNodeFactory.instance.nullNode() : score);
                    item.put("mql", record.at("/mql/became").asBoolean());
                } else {
                    items.add(record);
                }
                counts.merge(record.get("outcome").asText(), 1, Integer::sum);
                mql += record.at("/mql/became").asBoolean() ? 1 : 0;
            } else {
                ObjectNode refused = items.addObject().put("index", i).put("outcome", "REFUSED")
                        .put("status", r.problem().status()).put("detail", r.problem().getMessage());
                ArrayNode errors = refused.putArray("errors");
                for (FieldError e : r.problem().errors()) {
                    errors.addObject().put("field", e.field()).put("message", e.message());
                }
                counts.merge("REFUSED", 1, Integer::sum);
            }
        }
        ObjectNode c = out.putObject("counts");
        counts.forEach(c::put);
        c.put("MQL", mql);
        if (brief) {
            out.put("taken", results.size()).put("of", of);
        }
        return out;
    }

    static ObjectNode batchSchema() {
        return JsonSchemas.object("Up to " + MAX_JOB + " sign-ups, taken in order; up to " + MAX_BATCH + " answer"
                + " each its intake record (or, when the kernel refuses its lead, why) at once, more (or async=true)"
                + " answer 202 with a job whose result lists each one's outcome").required("signUps",
                        JsonSchemas.array(SignUpInput.schema(), 1, MAX_JOB)).build();
    }

    static ObjectNode asyncSchema() {
        return JsonSchemas.type("boolean");
    }

    @GET
    @Listing
    public JsonNode list(@QueryParam("outcome") @SchemaFrom("outcomeSchema") String outcome,
            @QueryParam("ownerId") String ownerId, @QueryParam("lane") String lane, @Context UriInfo uri,
            @Context SecurityContext security) {
        String tenantId = tenant(security);
        Map<String, List<String>> query = uri.getQueryParameters();
        Violations v = new Violations();
        unknown(query, Set.of("outcome", "ownerId", "lane", "limit", "cursor"), v);
        int limit = Pages.limit(query, v);
        String after = Pages.cursor(query, v);
        String o = blank(outcome);
        if (o != null && !OUTCOMES.contains(o)) {
            v.add("outcome", "must be one of " + OUTCOMES);
        }
        v.throwIfAny();
        String owner = blank(ownerId);
        String l = blank(lane);
        return store.query(tenantId, em -> {
            var q = em.createQuery("SELECT r FROM LeadIntakeEntity r WHERE r.id > :after"
                    + (o == null ? "" : " AND r.outcome = :outcome") + (owner == null ? "" : " AND r.ownerId = :owner")
                    + (l == null ? "" : " AND r.lane = :lane") + " ORDER BY r.id", LeadIntakeEntity.class)
                    .setParameter("after", after).setMaxResults(limit + 1);
            if (o != null) {
                q.setParameter("outcome", o);
            }
            if (owner != null) {
                q.setParameter("owner", owner);
            }
            if (l != null) {
                q.setParameter("lane", l);
            }
            List<LeadIntakeEntity> rows = q.getResultList();
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            ArrayNode items = out.putArray("items");
            rows.stream().limit(limit).forEach(r -> items.add(Records.render(r)));
            out.put("next", rows.size() > limit ? Pages.encodeCursor(rows.get(limit - 1).id) : null);
            return out;
        });
    }

    static ObjectNode outcomeSchema() {
        return JsonSchemas.oneOf(OUTCOMES);
    }

    @GET
    @Path("{id}")
    public JsonNode get(@PathParam("id") String id, @Context SecurityContext security) {
        return store.query(tenant(security), em -> {
            LeadIntakeEntity r = em.find(LeadIntakeEntity.class, id);
            if (r == null) {
                throw Problem.notFound("intake record", id);
            }
            return Records.render(r);
        });
    }

    @GET
    @Path("settings")
    public JsonNode settings(@Context SecurityContext security) {
        return engine.settings(tenant(security)).render();
    }

    @Access(Access.Level.TENANT_ADMIN)
    @PUT
    @Path("settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @SchemaFrom(value = "settingsSchema", name = "LeadIntakeSettings")
    public JsonNode putSettings(JsonNode body, @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        if (caller.role() != ApiRole.ADMIN) {
            throw Problem.forbidden("Only a tenant ADMIN key may change the lead intake settings");
        }
        if (body == null || !body.isObject()) {
            throw Problem.invalid("body", "must be a JSON object such as {\"weights\": {\"fit\": 50, \"engagement\":"
                    + " 50}, \"mqlScore\": 60}");
        }
        Violations v = new Violations();
        IntakeSettings parsed = IntakeSettings.parse(body, v);
        engine.validateParts(caller.tenantId(), parsed).forEach(e -> v.add(e.field(), e.message()));
        v.throwIfAny();
        return engine.saveSettings(caller, body, parsed);
    }

    static ObjectNode settingsSchema() {
        return IntakeSettings.schema();
    }

    @GET
    @Path("funnel")
    public JsonNode funnel(@QueryParam("period") @SchemaFrom("periodSchema") @Described("A year, quarter, month"
            + " such as 2026, 2026-Q3 or 2026-07; default: the current month in the tenant's time zone") String period,
            @Context UriInfo uri, @Context SecurityContext security) {
        String tenantId = tenant(security);
        Violations v = new Violations();
        unknown(uri.getQueryParameters(), Set.of("period"), v);
        ZoneId zone = data.forTenant(tenantId).tenant().timeZone();
        Period p = null;
        String text = blank(period);
        if (text == null) {
            LocalDate today = LocalDate.now(zone);
            p = new Period(Period.Granularity.MONTH, today.withDayOfMonth(1));
        } else {
            try {
                p = Period.parse(text);
            } catch (DateTimeParseException e) {
                v.add("period", "must be a period such as 2026, 2026-Q3 or 2026-07");
            }
        }
        v.throwIfAny();
        Period chosen = p;
        return store.query(tenantId, em -> Funnel.of(em, chosen.toString(), chosen.start(zone).toEpochMilli(),
                chosen.end(zone).toEpochMilli()));
    }

    static ObjectNode periodSchema() {
        return JsonSchemas.period();
    }

    private static void unknown(Map<String, List<String>> query, Set<String> known, Violations v) {
        for (String k : query.keySet()) {
            if (!known.contains(k)) {
                v.add(k, "is not a parameter here; use " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static String tenant(SecurityContext security) {
        return ((Caller) security.getUserPrincipal()).tenantId();
    }
}
