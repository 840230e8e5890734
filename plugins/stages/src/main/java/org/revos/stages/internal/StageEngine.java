package org.revos.stages.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.revos.api.event.RevosEvents;
import org.revos.api.model.ActivityType;
import org.revos.api.model.DealType;
import org.revos.api.model.ObjectType;
import org.revos.api.model.Pipeline;
import org.revos.api.model.RevenueKind;
import org.revos.api.model.Stage;
import org.revos.api.model.StageCategory;
import org.revos.api.model.Tenant;
import org.revos.api.security.ApiRole;
import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.kernel.spi.objects.ObjectCollections;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.kernel.spi.objects.StageHistory;
import org.revos.kernel.spi.rest.JsonSchemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Moves leads and deals between stages, the one place where they change stage. Every accepted move writes the
 * object's stage fields (through the kernel's {@link ObjectCollections#derive}) and a row of the kernel's
 * {@link StageHistory} in the caller's transaction and publishes {@link RevosEvents#STAGE_CHANGED} after commit; a
 * deal entering a WON stage also records its revenue event. A refused move writes nothing and lists every unmet
 * requirement.
 */
@Component(service = StageEngine.class)
public final class StageEngine {

    private static final List<String> FIELDS = List.of("toStage", "properties", "lossReason", "override");
    private static final int MIN_OVERRIDE_REASON = 10;

    private final ObjectCollections objects;
    private final StageHistory history;

    @Activate
    public StageEngine(@Reference ObjectCollections objects, @Reference StageHistory history) {
        this.objects = objects;
        this.history = history;
    }

    /**
     * Places a new lead or deal: the first stage of {@code pipeline} (or of the default one), then, when a stage is
     * named, a move there with every entry requirement checked (a create cannot skip the rules a transition has).
     * Only where the stage may be entered from does not apply, as a new object comes from outside. Creations through
     * REST, imports, sync and engines all come here (see {@link StagePlacement}).
     *
     * @param recordRevenue whether a deal placed in a won or churned stage records its revenue event
     */
    public void enter(TenantTransaction tx, Tenant tenant, StageCatalog catalog, ObjectType type, String id,
            String pipeline, String stage, boolean recordRevenue) {
        if (pipeline == null && stage == null) {
            enterFirstStage(tx, catalog, type, id);
            return;
        }
        catalog.requireActive();
        Pipeline chosen = (pipeline == null ? catalog.defaultPipeline(type) : catalog.pipeline(type, pipeline))
                .orElseThrow(() -> Problem.invalid("pipeline", "no " + type.name().toLowerCase() + " pipeline "
                        + pipeline + "; see GET /api/v1/pipelines"));
        long at = stage == null ? tx.now() : arrival(tx, tenant, chosen, type, id, stage);
        enterStage(tx, chosen, type, id, at);
        if (stage != null) {
            placeNew(tx, tenant, catalog, type, id, stage, recordRevenue, at);
        }
    }

    /** Places a new lead or deal in the first stage of its type's default pipeline; nothing when no model is active. */
    public void enterFirstStage(TenantTransaction tx, StageCatalog catalog, ObjectType type, String id) {
        catalog.defaultPipeline(type).ifPresent(pipeline -> enterStage(tx, pipeline, type, id));
    }

    /** Places a new lead or deal in the first stage of {@code pipeline}. */
    public void enterStage(TenantTransaction tx, Pipeline pipeline, ObjectType type, String id) {
        enterStage(tx, pipeline, type, id, tx.now());
    }

    /** Places a new lead or deal in the first stage of {@code pipeline}, entered at {@code at}. */
    public void enterStage(TenantTransaction tx, Pipeline pipeline, ObjectType type, String id, long at) {
        if (pipeline.stages().isEmpty()) {
            return;
        }
        Stage first = pipeline.stages().get(0);
        objects.derive(tx, schema(type), id, JsonNodeFactory.instance.objectNode().put("pipeline", pipeline.id())
                .put("stage", first.id()));
        record(tx, type, id, pipeline.id(), null, first.id(), null, at);
    }

    /**
     * @return when a deal created a moment ago and placed in {@code stage} of {@code pipeline} arrived there: a deal
     *         that arrives already won or lost (a create or an import naming the stage) closed on its close date,
     *         when that is past, so its close counts in that day's period, as its revenue does; otherwise now
     */
    public long arrival(TenantTransaction tx, Tenant tenant, Pipeline pipeline, ObjectType type, String id,
            String stage) {
        boolean closes = pipeline.stages().stream().anyMatch(s -> s.id().equals(stage)
                && (s.category() == StageCategory.WON || s.category() == StageCategory.LOST));
        if (type != ObjectType.DEAL || !closes) {
            return tx.now();
        }
        String closeDate = text(objects.read(tx, schema(ObjectType.DEAL), id), "closeDate");
        return closeDate == null ? tx.now() : Math.min(tx.now(), LocalDate.parse(closeDate)
                .atStartOfDay(tenant.timeZone()).toInstant().toEpochMilli());
    }

    /**
     * Moves an object to {@code body.toStage}.
     *
     * @return the object after the move, as the API shows it
     * @throws Problem 400 for a malformed body, 404 for unknown objects, 409 when no stage model is active, 422
     *                 listing every unmet requirement
     */
    public ObjectNode transition(TenantTransaction tx, Tenant tenant, StageCatalog catalog, ObjectType type,
            String id, JsonNode body) {
        return transition(tx, tenant, catalog, type, id, body, true);
    }

    /**
     * {@link #transition(TenantTransaction, Tenant, StageCatalog, ObjectType, String, JsonNode)}, saying whether a
     * deal entering a won or churned stage records its revenue event: an import whose revenue events come in their
     * own file does not, or the revenue would count twice.
     */
    public ObjectNode transition(TenantTransaction tx, Tenant tenant, StageCatalog catalog, ObjectType type,
            String id, JsonNode body, boolean recordRevenue) {
        return move(tx, tenant, catalog, type, id, Request.parse(body), false, recordRevenue, tx.now());
    }

    /**
     * Moves a lead or deal created a moment ago from the first stage of its pipeline to {@code stage}, checking every
     * entry requirement of that stage but not where it may be entered from: a new object comes from outside the
     * pipeline (an import brings deals in the stage they reached elsewhere).
     */
    public ObjectNode placeNew(TenantTransaction tx, Tenant tenant, StageCatalog catalog, ObjectType type, String id,
            String stage, boolean recordRevenue) {
        String pipeline = text(objects.read(tx, schema(type), id), "pipeline");
        long at = (pipeline == null ? catalog.defaultPipeline(type) : catalog.pipeline(type, pipeline))
                .map(p -> arrival(tx, tenant, p, type, id, stage)).orElse(tx.now());
        return placeNew(tx, tenant, catalog, type, id, stage, recordRevenue, at);
    }

    /** {@link #placeNew(TenantTransaction, Tenant, StageCatalog, ObjectType, String, String, boolean)}, at {@code at}. */
    public ObjectNode placeNew(TenantTransaction tx, Tenant tenant, StageCatalog catalog, ObjectType type, String id,
            String stage, boolean recordRevenue, long at) {
        return move(tx, tenant, catalog, type, id, new Request(stage, JsonNodeFactory.instance.objectNode(), null,
                null), true, recordRevenue, at);
    }

    private ObjectNode move(TenantTransaction tx, Tenant tenant, StageCatalog catalog, ObjectType type, String id,
            Request request, boolean creating, boolean recordRevenue, long at) {
        ObjectSchema<?> schema = schema(type);
        ObjectNode before = objects.read(tx, schema, id);
        String currentPipeline = text(before, "pipeline");
        String currentStage = text(before, "stage");
        catalog.requireActive();
        Pipeline pipeline = (currentPipeline == null ? catalog.defaultPipeline(type)
                : catalog.pipeline(type, currentPipeline)).orElseThrow(() -> Problem.unprocessable(
                        "Transition refused", "The " + schema.name() + "'s pipeline " + currentPipeline
                                + " is not provided by any active stage model",
                        List.of(new FieldError("toStage", "no active pipeline holds this " + schema.name()))));
        Stage target = pipeline.stages().stream().filter(s -> s.id().equals(request.toStage())).findFirst()
                .orElseThrow(() -> Problem.unprocessable("Transition refused", "No stage " + request.toStage()
                        + " in pipeline " + pipeline.id(), List.of(new FieldError("toStage", "must be one of "
                                + pipeline.stages().stream().map(Stage::id).collect(Collectors.joining(", "))))));
        if (target.id().equals(currentStage) && pipeline.id().equals(currentPipeline)) {
            return before;
        }
        ObjectNode properties = merged(before.get("properties"), request.properties());
        String lossReason = request.lossReason() != null ? request.lossReason() : text(before, "lossReason");
        Violations invalid = new Violations();
        objects.checkProperties(tx, type, request.properties(), "properties", invalid);
        invalid.throwIfAny();
        Violations unmetRules = new Violations();
        if (!creating && !target.allowsMoveFrom(currentStage)) {
            unmetRules.add("toStage", "move not allowed: " + target.label() + " can be entered from "
                    + String.join(", ", target.allowedFrom()) + " only, and this " + schema.name() + " is in "
                    + currentStage);
        }
        unmet(target, withDefinitions(tx, type, target), properties, lossReason, catalog, type, unmetRules);
        ObjectNode candidate = before.deepCopy();
        candidate.set("properties", properties);
        EntryCriteria.check(target, candidate, types -> activities(tx, type, id, types), unmetRules);
        List<FieldError> unmet = unmetRules.list();
        if (request.overrideReason() != null) {
            if (tx.caller() == null || tx.caller().role() != ApiRole.ADMIN) {
                throw Problem.forbidden("Only the tenant's ADMIN keys may override stage requirements");
            }
        } else if (!unmet.isEmpty()) {
            throw Problem.unprocessable("Transition refused", "Entering " + target.label() + " needs "
                    + unmet.size() + " more thing(s)", unmet);
        }
        ObjectNode derived = JsonNodeFactory.instance.objectNode();
        derived.set("properties", request.properties());
        if (type == ObjectType.DEAL && target.requiresLossReason()) {
            derived.put("lossReason", lossReason);
        }
        derived.put("pipeline", pipeline.id()).put("stage", target.id());
        objects.derive(tx, schema, id, derived);
        record(tx, type, id, pipeline.id(), currentStage, target.id(), request.overrideReason(), at);
        if (type == ObjectType.DEAL && target.category() == StageCategory.WON && recordRevenue) {
            won(tx, tenant, id, target, at);
        } else if (type == ObjectType.DEAL && target.category() == StageCategory.WON) {
            closed(tx, tenant, id);
        } else if (type == ObjectType.DEAL && target.category() == StageCategory.CHURNED && recordRevenue) {
            churned(tx, id);
        }
        ObjectNode after = objects.read(tx, schema, id);
        if (request.overrideReason() == null) {
            tx.audit("TRANSITION", type.name(), id, before, after);
        } else {
            ObjectNode audited = after.deepCopy();
            ObjectNode override = audited.putObject("override").put("reason", request.overrideReason());
            var skipped = override.putArray("skipped");
            unmet.forEach(e -> skipped.addObject().put("field", e.field()).put("message", e.message()));
            tx.audit("TRANSITION_OVERRIDE", type.name(), id, before, audited);
        }
        return after;
    }

    /** @return the kernel's collection of leads or deals */
    private ObjectSchema<?> schema(ObjectType type) {
        if (type != ObjectType.LEAD && type != ObjectType.DEAL) {
            throw Problem.invalid("type", "only leads and deals move through stages");
        }
        return collection(type);
    }

    /** @return the kernel's collection of {@code type} */
    private ObjectSchema<?> collection(ObjectType type) {
        return objects.schema(type).orElseThrow(() -> new IllegalStateException("the kernel has no " + type
                + " collection"));
    }

    /** @return how many activities of {@code types} (any type when empty) are linked to the lead or deal */
    private static long activities(TenantTransaction tx, ObjectType type, String id, List<ActivityType> types) {
        String link = type == ObjectType.DEAL ? "dealId" : "leadId";
        var query = tx.em().createQuery("SELECT COUNT(a) FROM ActivityEntity a WHERE a." + link + " = :id"
                + (types.isEmpty() ? "" : " AND a.type IN :types"), Long.class).setParameter("id", id);
        if (!types.isEmpty()) {
            query.setParameter("types", types.stream().map(Enum::name).toList());
        }
        return query.getSingleResult();
    }

    /** @return the stage's required properties plus those whose definitions name it in requiredInStages */
    private static List<String> withDefinitions(TenantTransaction tx, ObjectType type, Stage target) {
        LinkedHashSet<String> keys = new LinkedHashSet<>(target.requiredProperties());
        for (Object[] d : definitions(tx, type)) {
            FieldTypes.stringList(50).render(d[1]).forEach(stage -> {
                if (stage.asText().equals(target.id())) {
                    keys.add((String) d[0]);
                }
            });
        }
        return List.copyOf(keys);
    }

    /**
     * @return the tenant's property definitions of {@code type} as (key, requiredInStages) pairs, read once per
     *         transaction (an import's batch asks once)
     */
    private static List<Object[]> definitions(TenantTransaction tx, ObjectType type) {
        return tx.once("org.revos.stages:definitions:" + type, () -> tx.em().createQuery("SELECT d.propertyKey,"
                + " d.requiredInStages FROM PropertyDefinitionEntity d WHERE d.objectType = :t ORDER BY d.propertyKey",
                Object[].class).setParameter("t", type.name()).getResultList());
    }

    private static void unmet(Stage target, List<String> required, ObjectNode properties, String lossReason,
            StageCatalog catalog, ObjectType type, Violations v) {
        for (String key : required) {
            JsonNode value = properties.get(key);
            if (value == null || value.isNull() || (value.isTextual() && value.textValue().isBlank())) {
                v.add("properties." + key, "is required to enter " + target.label());
            }
        }
        if (target.requiresLossReason()) {
            if (type != ObjectType.DEAL) {
                v.add("toStage", "only deals carry a loss reason");
            } else if (lossReason == null) {
                v.add("lossReason", "is required to enter " + target.label() + "; one of "
                        + String.join(", ", catalog.lossReasons()));
            } else if (!catalog.lossReasons().contains(lossReason)) {
                v.add("lossReason", "must be one of the tenant's codes: " + String.join(", ", catalog.lossReasons()));
            }
        }
    }

    private static ObjectNode merged(JsonNode stored, ObjectNode patch) {
        ObjectNode merged = stored == null || !stored.isObject() ? JsonNodeFactory.instance.objectNode()
                : ((ObjectNode) stored).deepCopy();
        patch.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                merged.remove(e.getKey());
            } else {
                merged.set(e.getKey(), e.getValue());
            }
        });
        return merged;
    }

    private void record(TenantTransaction tx, ObjectType type, String id, String pipeline, String from, String to,
            String overrideReason, long at) {
        history.record(tx, type, id, pipeline, from, to, at, overrideReason);
        tx.publish(RevosEvents.STAGE_CHANGED, eventProps(type, id, pipeline, from, to));
    }

    private static Map<String, Object> eventProps(ObjectType type, String id, String pipeline, String from,
            String to) {
        Map<String, Object> props = new java.util.HashMap<>(Map.of(RevosEvents.OBJECT_TYPE, type.name(),
                RevosEvents.OBJECT_ID, id, RevosEvents.PIPELINE, pipeline, RevosEvents.STAGE, to));
        if (from != null) {
            props.put(RevosEvents.FROM_STAGE, from);
        }
        return props;
    }

    /**
     * A won deal records its revenue event, dated the instant it arrived (a deal created already won: the start of
     * its close date, when that is earlier; see {@link #arrival}): kind from the deal type, ARR delta the deal's ARR
     * (negative for CONTRACTION; for RENEWAL the renewed ARR minus the account's ARR before it).
     */
    private void won(TenantTransaction tx, Tenant tenant, String id, Stage stage, long at) {
        ObjectNode deal = closed(tx, tenant, id);
        String accountId = text(deal, "accountId");
        ObjectNode account = objects.read(tx, collection(ObjectType.ACCOUNT), accountId);
        DealType type = DealType.valueOf(text(deal, "type"));
        long dealArr = cents(deal.get("arr"));
        long seats = deal.path("seats").asLong(0);
        long arrDelta = switch (type) {
            case CONTRACTION -> -dealArr;
            case RENEWAL -> dealArr - cents(account.get("arr"));
            default -> dealArr;
        };
        long seatsDelta = switch (type) {
            case CONTRACTION -> -seats;
            case RENEWAL -> seats - account.path("seats").asLong(0);
            default -> seats;
        };
        RevenueKind kind = switch (type) {
            case NEW_BUSINESS -> RevenueKind.NEW;
            case EXPANSION, CROSS_SELL -> RevenueKind.EXPANSION;
            case RENEWAL -> RevenueKind.RENEWAL;
            case CONTRACTION -> RevenueKind.CONTRACTION;
        };
        if (arrDelta != 0 || kind == RevenueKind.RENEWAL) {
            revenue(tx, id, accountId, kind, arrDelta, seatsDelta, "Winning", at);
        }
        tx.publish(RevosEvents.DEAL_WON, Map.of(RevosEvents.OBJECT_TYPE, "DEAL", RevosEvents.OBJECT_ID, id,
                RevosEvents.STAGE, stage.id(), RevosEvents.ARR_CENTS, dealArr, RevosEvents.ACCOUNT_ID, accountId));
    }

    /**
     * A deal placed in a won stage closes that day when it names no close date; a deal placed there by an import
     * whose revenue events come in their own file gets nothing more: no revenue event and no won event (it was won
     * elsewhere, and celebrated there).
     *
     * @return the deal as it is now
     */
    private ObjectNode closed(TenantTransaction tx, Tenant tenant, String id) {
        ObjectSchema<?> deals = schema(ObjectType.DEAL);
        ObjectNode deal = objects.read(tx, deals, id);
        if (text(deal, "closeDate") == null) {
            LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(tx.now()), tenant.timeZone());
            deal = objects.derive(tx, deals, id, JsonNodeFactory.instance.objectNode().put("closeDate",
                    today.toString()));
        }
        return deal;
    }

    /**
     * A won deal's customer left: the account's remaining ARR and seats leave the ledger as one CHURN event naming
     * the deal, dated the move. An account with no ARR left (its churn already recorded) records nothing.
     */
    private void churned(TenantTransaction tx, String id) {
        String accountId = text(objects.read(tx, schema(ObjectType.DEAL), id), "accountId");
        ObjectNode account = objects.read(tx, collection(ObjectType.ACCOUNT), accountId);
        long arr = cents(account.get("arr"));
        if (arr > 0) {
            revenue(tx, id, accountId, RevenueKind.CHURN, -arr, -Math.max(0, account.path("seats").asLong(0)),
                    "Churning", tx.now());
        }
    }

    private void revenue(TenantTransaction tx, String dealId, String accountId, RevenueKind kind, long arrDelta,
            long seatsDelta, String doing, long at) {
        ObjectNode event = JsonNodeFactory.instance.objectNode().put("accountId", accountId)
                .put("occurredAt", FieldTypes.instantText(at)).put("kind", kind.name())
                .put("arrDelta", BigDecimal.valueOf(arrDelta, 2)).put("seatsDelta", seatsDelta)
                .put("dealId", dealId);
        try {
            objects.create(tx, collection(ObjectType.REVENUE_EVENT), event);
        } catch (Problem refused) {
            throw Problem.unprocessable("Transition refused", doing + " this deal would record revenue the"
                    + " account cannot take: " + refused.getMessage(), refused.errors());
        }
    }

    /** @return an amount of money as the API shows it ({@code 1200.50}) in cents; 0 when absent */
    private static long cents(JsonNode money) {
        return money == null || money.isNull() ? 0 : money.decimalValue().movePointRight(2).longValue();
    }

    /** @return a text member of an object as the API shows it, {@code null} when absent or null */
    static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** @return what {@link Request#parse} accepts, the body of {@code POST .../transitions} */
    public static ObjectNode requestSchema() {
        ObjectNode override = JsonSchemas.object("An ADMIN's move past unmet requirements, and why")
                .required("reason", FieldTypes.textSchema(1000).put("minLength", MIN_OVERRIDE_REASON)
                        .put("description", "At least " + MIN_OVERRIDE_REASON + " characters besides the white"
                                + " space around them"))
                .build();
        // the length without the white space around it, which minLength cannot say
        ((ObjectNode) override.at("/properties/reason")).putArray("allOf").addObject().put("pattern", "^\\s*\\S[\\s\\S]{"
                + (MIN_OVERRIDE_REASON - 2) + ",}\\S\\s*$");
        return JsonSchemas.object("Moves the object to another stage of its pipeline")
                .required("toStage", FieldTypes.textSchema(100).put("description", "The id of a stage of the"
                        + " object's pipeline"))
                .member("properties", FieldTypes.properties().schema().put("description", "Custom property values"
                        + " to set on the way, such as those the stage requires"))
                .member("lossReason", JsonSchemas.nullable(FieldTypes.textSchema(100).put("description", "One of the"
                        + " tenant's loss-reason codes, for a deal that enters a lost stage")))
                .member("override", JsonSchemas.nullable(override)).build();
    }

    /** The body of {@code POST .../transitions}. */
    private record Request(String toStage, ObjectNode properties, String lossReason, String overrideReason) {

        static Request parse(JsonNode body) {
            if (body == null || !body.isObject()) {
                throw Problem.invalid("body", "must be a JSON object such as {\"toStage\": \"SQL\"}");
            }
            Violations v = new Violations();
            body.fieldNames().forEachRemaining(f -> {
                if (!FIELDS.contains(f)) {
                    v.add(f, "is not a field of a transition; use toStage, properties, lossReason and override");
                }
            });
            String toStage = body.hasNonNull("toStage")
                    ? (String) FieldTypes.text(100).parse(body.get("toStage"), "toStage", v) : null;
            if (!body.hasNonNull("toStage")) {
                v.add("toStage", "is required");
            }
            Object properties = body.hasNonNull("properties")
                    ? FieldTypes.properties().parse(body.get("properties"), "properties", v)
                    : JsonNodeFactory.instance.objectNode();
            String lossReason = body.hasNonNull("lossReason")
                    ? (String) FieldTypes.text(100).parse(body.get("lossReason"), "lossReason", v) : null;
            String overrideReason = null;
            JsonNode override = body.get("override");
            if (override != null && !override.isNull()) {
                JsonNode reason = override.get("reason");
                if (!override.isObject() || reason == null || !reason.isTextual()
                        || reason.textValue().strip().length() < MIN_OVERRIDE_REASON) {
                    v.add("override.reason", "an override needs {\"reason\": \"...\"} of at least 10 characters");
                } else {
                    overrideReason = (String) FieldTypes.text(1000).parse(reason, "override.reason", v);
                }
            }
            v.throwIfAny();
            return new Request(toStage, (ObjectNode) properties, lossReason, overrideReason);
        }
    }
}
