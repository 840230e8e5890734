package org.revos.credit.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.revos.api.security.ApiRole;
import org.revos.api.security.Caller;
import org.revos.api.spi.CreditRule;
import org.revos.kernel.spi.Contributions.Contribution;
import org.revos.kernel.spi.Ids;
import org.revos.kernel.spi.JobRunner;
import org.revos.kernel.spi.PluginCallFailed;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.TenantStore;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.kernel.spi.rest.Access;
import org.revos.kernel.spi.rest.CollectionResource;
import org.revos.kernel.spi.rest.Creations;
import org.revos.kernel.spi.rest.Described;
import org.revos.kernel.spi.rest.JsonSchemas;
import org.revos.kernel.spi.rest.Listing;
import org.revos.kernel.spi.rest.Pages;
import org.revos.kernel.spi.rest.ResponseStatus;
import org.revos.kernel.spi.rest.RevosResources;
import org.revos.kernel.spi.rest.SchemaFrom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/credit/...}: the green-credit ledger per rep and period, the bucket state of an account, the
 * accounts near their threshold, the tenant's effective-dated rule versions, and recomputes. Every read first
 * brings stale accounts up to date, so an answer includes every revenue event recorded before it. A tenant without
 * any rule version reads an empty ledger ({@code "rule": null, "ruleActive": false}).
 */
@Component(service = CreditResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosResources.APPLICATION_SELECT)
@Path("credit")
@Produces(MediaType.APPLICATION_JSON)
public final class CreditResource {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final Set<String> CORE_SETTINGS = Set.of("effectiveFrom", "rule", "handover");

    private final TenantStore store;
    private final CreditEngine engine;
    private final JobRunner jobs;
    private final Creations creations;

    @Activate
    public CreditResource(@Reference TenantStore store, @Reference CreditEngine engine, @Reference JobRunner jobs,
            @Reference Creations creations) {
        this.store = store;
        this.engine = engine;
        this.jobs = jobs;
        this.creations = creations;
    }

    @GET
    @Path("ledger")
    public JsonNode ledger(@QueryParam("period") @SchemaFrom("periodSchema") @Described("A year, quarter or"
            + " month such as 2026, 2026-Q3 or 2026-07; default: the current quarter in the tenant's time zone")
            String periodText, @QueryParam("ownerId") String ownerFilter,
            @Context UriInfo uri, @Context SecurityContext security) {
        String tenantId = tenant(security);
        Map<String, List<String>> query = uri.getQueryParameters();
        Violations v = new Violations();
        unknownParameters(query, Set.of("period", "ownerId", "limit", "cursor"), v);
        int limit = Pages.limit(query, v);
        String after = Pages.cursor(query, v);
        ZoneId zone = engine.zone(tenantId);
        Period period = period(blankToNull(periodText), zone, v);
        String ownerId = blankToNull(ownerFilter);
        v.throwIfAny();
        RuleSetup setup = current(tenantId);
        long from = period.start(zone).toEpochMilli();
        long to = period.end(zone).toEpochMilli();
        String inPeriod = " AND ((l.bucket = 'GREEN' AND l.creditedAt >= :from AND l.creditedAt < :to)"
                + " OR (l.bucket = 'ORANGE' AND l.occurredAt >= :from AND l.occurredAt < :to))"
                + (ownerId == null ? "" : " AND l.ownerId = :owner");
        return store.query(tenantId, em -> {
            ObjectNode out = JsonNodeFactory.instance.objectNode().put("period", period.toString())
                    .put("rule", setup.ruleId()).put("ruleActive", setup.active());
            var totalsQuery = em.createQuery("SELECT l.ownerId, l.bucket, SUM(l.amountCents) FROM CreditLineEntity l"
                    + " WHERE 1 = 1" + inPeriod + " GROUP BY l.ownerId, l.bucket", Object[].class)
                    .setParameter("from", from).setParameter("to", to);
            var linesQuery = em.createQuery("SELECT l FROM CreditLineEntity l WHERE l.id > :after" + inPeriod
                    + " ORDER BY l.id", CreditLineEntity.class).setParameter("after", after)
                    .setParameter("from", from).setParameter("to", to).setMaxResults(limit + 1);
            if (ownerId != null) {
                totalsQuery.setParameter("owner", ownerId);
                linesQuery.setParameter("owner", ownerId);
            }
            Map<String, long[]> totals = new java.util.TreeMap<>();
            totalsQuery.getResultList().forEach(r -> totals.computeIfAbsent(String.valueOf(r[0]),
                    o -> new long[2])["GREEN".equals(r[1]) ? 0 : 1] += ((Number) r[2]).longValue());
            ArrayNode t = out.putArray("totals");
            totals.forEach((owner, sums) -> t.addObject().put("ownerId", owner).put("green", money(sums[0]))
                    .put("orange", money(sums[1])));
            List<CreditLineEntity> lines = linesQuery.getResultList();
            ArrayNode items = out.putArray("lines");
            lines.stream().limit(limit).forEach(l -> items.add(line(l)));
            out.put("next", lines.size() > limit ? Pages.encodeCursor(lines.get(limit - 1).id) : null);
            return out;
        });
    }

    @GET
    @Path("accounts/{accountId}")
    public JsonNode account(@PathParam("accountId") String accountId, @Context SecurityContext security) {
        String tenantId = tenant(security);
        RuleSetup setup = current(tenantId);
        return store.query(tenantId, em -> {
            if (Handover.Account.find(em, accountId) == null) {
                throw Problem.notFound("account", accountId);
            }
            CreditAccountEntity state = em.find(CreditAccountEntity.class, accountId);
            ObjectNode out = JsonNodeFactory.instance.objectNode().put("accountId", accountId)
                    .put("rule", setup.ruleId()).put("ruleActive", setup.active())
                    .put("bucket", state == null ? "ORANGE" : state.bucket);
            boolean seats = seats(setup);
            if (state == null) {
                out.putNull("total");
                out.putNull("threshold");
            } else if (seats) {
                out.put("metric", "ACCOUNT_SEATS").put("total", state.total).put("threshold", state.threshold);
            } else {
                out.put("metric", "ACCOUNT_ARR").put("total", money(state.total))
                        .put("threshold", money(state.threshold));
            }
            out.put("nearThreshold", state != null && state.nearThreshold);
            out.put("greenAt", state == null || state.greenAt == null ? null : FieldTypes.instantText(state.greenAt));
            out.put("handedOverFrom", state == null ? null : state.handedOverFrom);
            ArrayNode orange = out.putArray("orange");
            ArrayNode green = out.putArray("green");
            long[] sums = new long[2];
            em.createQuery("SELECT l FROM CreditLineEntity l WHERE l.accountId = :a ORDER BY l.seq",
                    CreditLineEntity.class).setParameter("a", accountId).getResultList().forEach(l -> {
                        boolean isGreen = "GREEN".equals(l.bucket);
                        (isGreen ? green : orange).add(line(l));
                        sums[isGreen ? 0 : 1] += l.amountCents;
                    });
            out.put("greenTotal", money(sums[0])).put("orangeTotal", money(sums[1]));
            return out;
        });
    }

    @GET
    @Path("near-threshold")
    @Listing
    public JsonNode nearThreshold(@Context UriInfo uri, @Context SecurityContext security) {
        String tenantId = tenant(security);
        Map<String, List<String>> query = uri.getQueryParameters();
        Violations v = new Violations();
        unknownParameters(query, Set.of("limit", "cursor"), v);
        int limit = Pages.limit(query, v);
        String cursor = Pages.cursor(query, v);
        int offset = 0;
        if (!cursor.isEmpty()) {
            try {
                offset = Integer.parseInt(cursor);
            } catch (NumberFormatException e) {
                v.add("cursor", "is not a cursor this list issued; pass the 'next' value of the previous page");
            }
        }
        v.throwIfAny();
        RuleSetup setup = current(tenantId);
        int start = offset;
        return store.query(tenantId, em -> {
            List<Object[]> rows = em.createQuery("SELECT s, a.name, a.ownerId, a.segment FROM CreditAccountEntity s,"
                    + " AccountEntity a WHERE a.id = s.id AND s.nearThreshold = TRUE ORDER BY s.share DESC, s.id",
                    Object[].class).setFirstResult(start).setMaxResults(limit + 1).getResultList();
            ObjectNode out = JsonNodeFactory.instance.objectNode().put("rule", setup.ruleId())
                    .put("ruleActive", setup.active());
            ArrayNode items = out.putArray("items");
            boolean seats = seats(setup);
            rows.stream().limit(limit).forEach(r -> {
                CreditAccountEntity s = (CreditAccountEntity) r[0];
                ObjectNode item = items.addObject().put("accountId", s.id).put("name", (String) r[1])
                        .put("ownerId", (String) r[2]).put("segment", (String) r[3]);
                if (seats) {
                    item.put("total", s.total).put("threshold", s.threshold).put("missing", s.threshold - s.total);
                } else {
                    item.put("total", money(s.total)).put("threshold", money(s.threshold))
                            .put("missing", money(s.threshold - s.total));
                }
                item.put("share", BigDecimal.valueOf(s.share).setScale(4, RoundingMode.HALF_EVEN));
            });
            out.put("next", rows.size() > limit ? Pages.encodeCursor(String.valueOf(start + limit)) : null);
            return out;
        });
    }

    @GET
    @Path("rules")
    @Listing(paged = false)
    public JsonNode rules(@Context SecurityContext security) {
        String tenantId = tenant(security);
        Map<String, Contribution<CreditRule>> enabled = engine.enabledRules(tenantId);
        return store.query(tenantId, em -> {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            ArrayNode available = out.putArray("availableRules");
            enabled.keySet().forEach(available::add);
            ArrayNode items = out.putArray("items");
            engine.storedVersions(em).forEach(version -> items.add(render(version)));
            out.putNull("next");
            return out;
        });
    }

    @Access(Access.Level.TENANT_ADMIN)
    @POST
    @Path("rules")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @SchemaFrom(value = "ruleSchema", name = "CreditRuleVersion")
    public Response addRule(JsonNode body, @HeaderParam(CollectionResource.IDEMPOTENCY_KEY) String idempotencyKey,
            @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        if (caller.role() != ApiRole.ADMIN) {
            throw Problem.forbidden("Only a tenant ADMIN key may change the credit rule");
        }
        String tenantId = caller.tenantId();
        if (body == null || !body.isObject()) {
            throw Problem.invalid("body", "must be a JSON object such as {\"effectiveFrom\": \"2026-01-01\","
                    + " \"metric\": \"ACCOUNT_ARR\", \"threshold\": 10000}");
        }
        Map<String, Contribution<CreditRule>> enabled = engine.enabledRules(tenantId);
        List<CreditRuleVersionEntity> existing = store.query(tenantId, engine::storedVersions);
        Violations v = new Violations();
        LocalDate effectiveFrom = null;
        JsonNode date = body.get("effectiveFrom");
        if (date == null || !date.isTextual()) {
            v.add("effectiveFrom", "is required: the date from which the version governs, such as 2026-01-01");
        } else {
            try {
                effectiveFrom = LocalDate.parse(date.asText());
            } catch (DateTimeParseException e) {
                v.add("effectiveFrom", "must be a date such as 2026-01-01");
            }
        }
        JsonNode handoverNode = body.get("handover");
        if (handoverNode != null && !handoverNode.isBoolean()) {
            v.add("handover", "must be true or false");
        }
        String ruleId = ruleId(body, enabled, existing, v);
        Map<String, Object> settings = new LinkedHashMap<>(toMap(body));
        CORE_SETTINGS.forEach(settings::remove);
        settings.forEach((name, value) -> {
            if (value == null) {
                v.add(name, "must have a value; leave the setting out to take the rule's default");
            }
        });
        settings.values().removeIf(Objects::isNull);
        Contribution<CreditRule> plugin = ruleId == null ? null : enabled.get(ruleId);
        if (plugin != null) {
            try {
                engine.validate(tenantId, plugin, settings).forEach(v::add);
            } catch (PluginCallFailed e) {
                throw Problem.unprocessable("Credit rule unavailable", "The rule's plugin could not check the"
                        + " version: " + e.getMessage(), List.of());
            }
        }
        v.throwIfAny();
        LocalDate from = effectiveFrom;
        boolean handover = handoverNode == null || handoverNode.asBoolean();
        String settingsJson = json(settings);
        Response response = creations.create(caller, idempotencyKey, "POST credit/rules\n" + body, tx -> {
            CreditRuleVersionEntity version = new CreditRuleVersionEntity();
            version.id = Ids.next("crv");
            version.ruleId = ruleId;
            version.effectiveFrom = from.toString();
            version.handover = handover;
            version.settingsJson = settingsJson;
            version.createdAt = tx.now();
            version.updatedAt = tx.now();
            tx.em().persist(version);
            tx.audit("credit.rule.version", "CREDIT_RULE", version.id, null, render(version));
            return new Creations.Created("credit/rules/" + version.id, render(version));
        }, kept -> kept);
        if (response.getStatus() == 201 && response.getHeaderString("Idempotent-Replayed") == null) {
            JobRunner.Accepted job = submitRecompute(tenantId, caller);
            ObjectNode entity = ((ObjectNode) response.getEntity()).deepCopy().put("recomputeJob", job.jobId());
            return Response.fromResponse(response).entity(entity).build();
        }
        return response;
    }

    static ObjectNode periodSchema() {
        return JsonSchemas.period();
    }

    /**
     * @return what {@link #addRule} accepts: RevOS's members ({@link #CORE_SETTINGS}) and the settings of the bucket
     *         rule RevOS ships (org.revos.credit.buckets), which its plugin checks; one shape per metric, as seats are
     *         whole
     */
    static ObjectNode ruleSchema() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("description", "A new version of the tenant's"
                + " credit rule. effectiveFrom, rule and handover are RevOS's; the other members are the rule's"
                + " settings, which its plugin checks: those of the bucket rule RevOS ships are listed");
        ArrayNode shapes = schema.putArray("oneOf");
        shapes.add(ruleShape(JsonSchemas.oneOf(List.of("ACCOUNT_ARR")), false,
                JsonSchemas.type("number").put("exclusiveMinimum", 0).put("multipleOf", 0.01)
                        .put("maximum", 10_000_000_000_000L)));
        shapes.add(ruleShape(JsonSchemas.oneOf(List.of("ACCOUNT_SEATS")), true,
                JsonSchemas.type("integer").put("minimum", 1).put("maximum", 1_000_000_000)));
        return schema;
    }

    private static ObjectNode ruleShape(ObjectNode metric, boolean metricRequired, ObjectNode threshold) {
        ObjectNode segments = JsonSchemas.type("object").put("description", "Segment to threshold, overriding"
                + " threshold for accounts of that segment");
        segments.set("additionalProperties", threshold.deepCopy());
        JsonSchemas shape = JsonSchemas.object(null)
                .required("effectiveFrom", JsonSchemas.date().put("description", "The date from which the version"
                        + " governs"))
                .member("rule", JsonSchemas.type("string").put("description", "The id of a credit rule enabled for"
                        + " the tenant; default: the rule of the tenant's versions, or the only one enabled")
                        .set("examples", JsonNodeFactory.instance.arrayNode().add("buckets")))
                .member("handover", JsonSchemas.type("boolean").put("description", "default true"));
        if (metricRequired) {
            shape.required("metric", metric);
        } else {
            shape.member("metric", metric.put("description", "What the threshold is measured on; default"
                    + " ACCOUNT_ARR (an amount in major units; seats are whole)"));
        }
        return shape.required("threshold", threshold.put("description", "The account total at which it turns"
                        + " green (the bucket rule)"))
                .member("segmentThresholds", segments)
                .member("spillCreditTo", JsonSchemas.oneOf(List.of("CONTRIBUTORS", "CROSSING_REP", "ACCOUNT_OWNER")))
                .member("clawbackDays", JsonSchemas.integer(0, 3660))
                .member("nearThresholdShare", JsonSchemas.type("number").put("exclusiveMinimum", 0).put("maximum", 1))
                .build();
    }

    @POST
    @Path("recompute")
    @ResponseStatus(202)
    public Response recompute(@Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        return submitRecompute(caller.tenantId(), caller).response();
    }

    private JobRunner.Accepted submitRecompute(String tenantId, Caller caller) {
        RuleSetup setup = requireActive(tenantId);
        return jobs.submit(tenantId, caller, "credit.recompute", new Recompute(engine, store, tenantId, setup));
    }

    /**
     * @return the tenant's setup after bringing stale accounts up to date; without any rule version, a setup with
     *         no rule, under which every account is orange and the ledger empty
     */
    private RuleSetup current(String tenantId) {
        Optional<RuleSetup> setup = engine.setup(tenantId);
        if (setup.isEmpty()) {
            return new RuleSetup(null, null, List.of(), false);
        }
        engine.drain(tenantId, false);
        return setup.get();
    }

    private static boolean seats(RuleSetup setup) {
        return !setup.versions().isEmpty() && "ACCOUNT_SEATS".equals(
                setup.versions().get(setup.versions().size() - 1).settings().get("metric"));
    }

    private RuleSetup requireActive(String tenantId) {
        RuleSetup setup = engine.setup(tenantId).orElseThrow(CreditResource::noRule);
        if (!setup.active()) {
            throw Problem.conflict("The credit rule '" + setup.ruleId() + "' of this tenant's versions is not"
                    + " available: its plugin is not installed or is disabled for the tenant. The stored ledger"
                    + " stays readable.", List.of());
        }
        return setup;
    }

    private static Problem noRule() {
        return Problem.conflict("No credit rule is configured for this tenant: enable a plugin that provides one"
                + " (such as org.revos.credit.buckets) and POST a version to /api/v1/credit/rules", List.of());
    }

    private static String ruleId(JsonNode body, Map<String, Contribution<CreditRule>> enabled,
            List<CreditRuleVersionEntity> existing, Violations v) {
        JsonNode named = body.get("rule");
        String current = existing.isEmpty() ? null : existing.get(existing.size() - 1).ruleId;
        String ruleId;
        if (named != null && !named.isTextual()) {
            v.add("rule", "must be the id of a credit rule, one of " + enabled.keySet());
            return null;
        } else if (named != null) {
            ruleId = named.asText();
        } else if (current != null) {
            ruleId = current;
        } else if (enabled.size() == 1) {
            ruleId = enabled.keySet().iterator().next();
        } else {
            v.add("rule", enabled.isEmpty() ? "no credit rule plugin is enabled for this tenant"
                    : "is required: several credit rules are enabled, " + enabled.keySet());
            return null;
        }
        if (!enabled.containsKey(ruleId)) {
            v.add("rule", "'" + ruleId + "' is not a credit rule enabled for this tenant; enabled: " + enabled.keySet());
            return null;
        }
        if (current != null && !current.equals(ruleId)) {
            v.add("rule", "this tenant's versions are of rule '" + current + "'; a tenant credits by one rule");
            return null;
        }
        return ruleId;
    }

    private static ObjectNode render(CreditRuleVersionEntity version) {
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("id", version.id).put("rule", version.ruleId)
                .put("effectiveFrom", version.effectiveFrom).put("handover", version.handover);
        out.setAll((ObjectNode) CreditJson.MAPPER.valueToTree(RuleSetup.settings(version)));
        out.put("createdAt", FieldTypes.instantText(version.createdAt));
        return out;
    }

    private static ObjectNode line(CreditLineEntity l) {
        return JsonNodeFactory.instance.objectNode().put("id", l.id).put("accountId", l.accountId)
                .put("revenueEventId", l.revenueEventId).put("dealId", l.dealId).put("ownerId", l.ownerId)
                .put("amount", money(l.amountCents)).put("bucket", l.bucket)
                .put("occurredAt", FieldTypes.instantText(l.occurredAt))
                .put("creditedAt", l.creditedAt == null ? null : FieldTypes.instantText(l.creditedAt));
    }

    private static Period period(String text, ZoneId zone, Violations v) {
        if (text == null) {
            LocalDate today = LocalDate.now(zone);
            return new Period(Period.Granularity.QUARTER,
                    LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1));
        }
        try {
            return Period.parse(text);
        } catch (DateTimeParseException e) {
            v.add("period", "must be a period such as 2026, 2026-Q3 or 2026-07");
            return Period.parse("2026");
        }
    }

    private static void unknownParameters(Map<String, List<String>> query, Set<String> known, Violations v) {
        List<String> unknown = new ArrayList<>(query.keySet());
        unknown.removeAll(known);
        unknown.forEach(k -> v.add(k, "is not a parameter here; use " + String.join(", ", new java.util.TreeSet<>(known))));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static String tenant(SecurityContext security) {
        return ((Caller) security.getUserPrincipal()).tenantId();
    }

    static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private static Map<String, Object> toMap(JsonNode body) {
        return CreditJson.MAPPER.convertValue(body, MAP);
    }

    private static String json(Map<String, Object> settings) {
        try {
            return CreditJson.MAPPER.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
