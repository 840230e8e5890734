package org.revos.runtime.internal.stages;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
import org.revos.kernel.spi.Ids;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.TenantRow;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.kernel.spi.rest.JsonSchemas;
import org.revos.runtime.internal.objects.Catalog;
import org.revos.runtime.internal.objects.ObjectEngine;
import org.revos.runtime.internal.objects.PropertyValues;
import org.revos.runtime.internal.persistence.AccountEntity;
import org.revos.runtime.internal.persistence.DealEntity;
import org.revos.runtime.internal.persistence.LeadEntity;
import org.revos.runtime.internal.persistence.PropertyDefinitionEntity;
import org.revos.runtime.internal.persistence.StageTransitionEntity;
import org.revos.runtime.internal.persistence.Tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Moves leads and deals between stages. Every accepted move writes the object and its {@link StageTransitionEntity}
 * in the caller's transaction and publishes {@link RevosEvents#STAGE_CHANGED} after commit; a deal entering a WON
 * stage also records its revenue event. A refused move writes nothing and lists every unmet requirement.
 */
public final class StageEngine {

    private static final List<String> FIELDS = List.of("toStage", "properties", "lossReason", "override");
    private static final int MIN_OVERRIDE_REASON = 10;

    private StageEngine() {
    }

    /** Places a new lead or deal in the first stage of its type's default pipeline; nothing when no model is active. */
    public static void enterFirstStage(Tx tx, StageCatalog catalog, ObjectType type, String id) {
        catalog.defaultPipeline(type).ifPresent(pipeline -> enterStage(tx, pipeline, type, id));
    }

    /** Places a new lead or deal in the first stage of {@code pipeline}. */
    public static void enterStage(Tx tx, Pipeline pipeline, ObjectType type, String id) {
        enterStage(tx, pipeline, type, id, tx.now());
    }

    /** Places a new lead or deal in the first stage of {@code pipeline}, entered at {@code at}. */
    public static void enterStage(Tx tx, Pipeline pipeline, ObjectType type, String id, long at) {
        if (pipeline.stages().isEmpty()) {
            return;
        }
        Staged object = Staged.load(tx, type, id);
        Stage first = pipeline.stages().get(0);
        object.move(pipeline.id(), first.id(), tx.now());
        record(tx, type, id, pipeline.id(), null, first.id(), null, at);
    }

    /**
     * @return when a deal created a moment ago and placed in {@code stage} of {@code pipeline} arrived there: a deal
     *         that arrives already won or lost (a create or an import naming the stage) closed on its close date,
     *         when that is past, so its close counts in that day's period, as its revenue does; otherwise now
     */
    public static long arrival(Tx tx, Tenant tenant, Pipeline pipeline, ObjectType type, String id, String stage) {
        boolean closes = pipeline.stages().stream().anyMatch(s -> s.id().equals(stage)
                && (s.category() == StageCategory.WON || s.category() == StageCategory.LOST));
        if (type != ObjectType.DEAL || !closes) {
            return tx.now();
        }
        LocalDate closeDate = ObjectEngine.find(tx.em(), Catalog.DEAL, id).closeDate;
        return closeDate == null ? tx.now() : Math.min(tx.now(), closeDate.atStartOfDay(tenant.timeZone())
                .toInstant().toEpochMilli());
    }

    /**
     * Moves an object to {@code body.toStage}.
     *
     * @return the object after the move, as the API shows it
     * @throws Problem 400 for a malformed body, 404 for unknown objects, 409 when no stage model is active, 422
     *                 listing every unmet requirement
     */
    public static ObjectNode transition(Tx tx, Tenant tenant, StageCatalog catalog, ObjectType type, String id,
            JsonNode body) {
        return transition(tx, tenant, catalog, type, id, body, true);
    }

    /**
     * {@link #transition(Tx, Tenant, StageCatalog, ObjectType, String, JsonNode)}, saying whether a deal entering a
     * won or churned stage records its revenue event: an import whose revenue events come in their own file does
     * not, or the revenue would count twice.
     */
    public static ObjectNode transition(Tx tx, Tenant tenant, StageCatalog catalog, ObjectType type, String id,
            JsonNode body, boolean recordRevenue) {
        return move(tx, tenant, catalog, type, id, Request.parse(body), false, recordRevenue);
    }

    /**
     * Moves a lead or deal created a moment ago from the first stage of its pipeline to {@code stage}, checking every
     * entry requirement of that stage but not where it may be entered from: a new object comes from outside the
     * pipeline (an import brings deals in the stage they reached elsewhere).
     */
    public static ObjectNode placeNew(Tx tx, Tenant tenant, StageCatalog catalog, ObjectType type, String id,
            String stage, boolean recordRevenue) {
        String pipeline = Staged.load(tx, type, id).pipeline();
        long at = (pipeline == null ? catalog.defaultPipeline(type) : catalog.pipeline(type, pipeline))
                .map(p -> arrival(tx, tenant, p, type, id, stage)).orElse(tx.now());
        return placeNew(tx, tenant, catalog, type, id, stage, recordRevenue, at);
    }

    /** {@link #placeNew(Tx, Tenant, StageCatalog, ObjectType, String, String, boolean)}, arriving at {@code at}. */
    public static ObjectNode placeNew(Tx tx, Tenant tenant, StageCatalog catalog, ObjectType type, String id,
            String stage, boolean recordRevenue, long at) {
        return move(tx, tenant, catalog, type, id, new Request(stage, JsonNodeFactory.instance.objectNode(), null,
                null), true, recordRevenue, at);
    }

    private static ObjectNode move(Tx tx, Tenant tenant, StageCatalog catalog, ObjectType type, String id,
            Request request, boolean creating, boolean recordRevenue) {
        return move(tx, tenant, catalog, type, id, request, creating, recordRevenue, tx.now());
    }

    private static ObjectNode move(Tx tx, Tenant tenant, StageCatalog catalog, ObjectType type, String id,
            Request request, boolean creating, boolean recordRevenue, long at) {
        ObjectSchema<?> schema = type == ObjectType.DEAL ? Catalog.DEAL : Catalog.LEAD;
        Staged object = Staged.load(tx, type, id);
        catalog.requireActive();
        Pipeline pipeline = (object.pipeline() == null ? catalog.defaultPipeline(type)
                : catalog.pipeline(type, object.pipeline())).orElseThrow(() -> Problem.unprocessable(
                        "Transition refused", "The " + schema.name() + "'s pipeline " + object.pipeline()
                                + " is not provided by any active stage model",
                        List.of(new FieldError("toStage", "no active pipeline holds this " + schema.name()))));
        Stage target = pipeline.stages().stream().filter(s -> s.id().equals(request.toStage())).findFirst()
                .orElseThrow(() -> Problem.unprocessable("Transition refused", "No stage " + request.toStage()
                        + " in pipeline " + pipeline.id(), List.of(new FieldError("toStage", "must be one of "
                                + pipeline.stages().stream().map(Stage::id).collect(Collectors.joining(", "))))));
        ObjectNode before = object.render();
        if (target.id().equals(object.stage()) && pipeline.id().equals(object.pipeline())) {
            return before;
        }
        ObjectNode properties = merged(object.properties(), request.properties());
        String lossReason = request.lossReason() != null ? request.lossReason() : object.lossReason();
        Violations invalid = new Violations();
        PropertyValues.check(tx, type.name(), request.properties(), "properties", invalid);
        invalid.throwIfAny();
        Violations unmetRules = new Violations();
        if (!creating && !target.allowsMoveFrom(object.stage())) {
            unmetRules.add("toStage", "move not allowed: " + target.label() + " can be entered from "
                    + String.join(", ", target.allowedFrom()) + " only, and this " + schema.name() + " is in "
                    + object.stage());
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
        String from = object.stage();
        object.setProperties(FieldTypes.writeJson(properties));
        PropertyValues.touch(tx, type.name(), request.properties());
        if (type == ObjectType.DEAL && target.requiresLossReason()) {
            object.setLossReason(lossReason);
        }
        object.move(pipeline.id(), target.id(), tx.now());
        record(tx, type, id, pipeline.id(), from, target.id(), request.overrideReason(), at);
        if (type == ObjectType.DEAL && target.category() == StageCategory.WON && recordRevenue) {
            won(tx, tenant, (DealEntity) object.entity(), target, at);
        } else if (type == ObjectType.DEAL && target.category() == StageCategory.WON) {
            closed(tx, tenant, (DealEntity) object.entity());
        } else if (type == ObjectType.DEAL && target.category() == StageCategory.CHURNED && recordRevenue) {
            churned(tx, (DealEntity) object.entity());
        }
        ObjectNode after = object.render();
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

    /** @return how many activities of {@code types} (any type when empty) are linked to the lead or deal */
    private static long activities(Tx tx, ObjectType type, String id, List<ActivityType> types) {
        String link = type == ObjectType.DEAL ? "dealId" : "leadId";
        var query = tx.em().createQuery("SELECT COUNT(a) FROM ActivityEntity a WHERE a." + link + " = :id"
                + (types.isEmpty() ? "" : " AND a.type IN :types"), Long.class).setParameter("id", id);
        if (!types.isEmpty()) {
            query.setParameter("types", types.stream().map(Enum::name).toList());
        }
        return query.getSingleResult();
    }

    /** @return the stage's required properties plus those whose definitions name it in requiredInStages */
    private static List<String> withDefinitions(Tx tx, ObjectType type, Stage target) {
        LinkedHashSet<String> keys = new LinkedHashSet<>(target.requiredProperties());
        for (PropertyDefinitionEntity d : PropertyValues.definitions(tx, type.name())) {
            FieldTypes.stringList(50).render(d.requiredInStages).forEach(stage -> {
                if (stage.asText().equals(target.id())) {
                    keys.add(d.propertyKey);
                }
            });
        }
        return List.copyOf(keys);
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

    private static ObjectNode merged(String stored, ObjectNode patch) {
        ObjectNode merged = stored == null ? JsonNodeFactory.instance.objectNode()
                : (ObjectNode) FieldTypes.readTree(stored);
        patch.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                merged.remove(e.getKey());
            } else {
                merged.set(e.getKey(), e.getValue());
            }
        });
        return merged;
    }

    private static void record(Tx tx, ObjectType type, String id, String pipeline, String from, String to,
            String overrideReason, long at) {
        StageTransitionEntity t = new StageTransitionEntity();
        t.id = Ids.next("stg");
        t.objectType = type.name();
        t.objectId = id;
        t.pipeline = pipeline;
        t.fromStage = from;
        t.toStage = to;
        t.at = at;
        t.createdAt = tx.now();
        t.updatedAt = tx.now();
        t.actor = tx.caller() == null ? "system" : tx.caller().keyId();
        t.overrideReason = overrideReason;
        tx.em().persist(t);
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
    private static void won(Tx tx, Tenant tenant, DealEntity deal, Stage stage, long at) {
        if (deal.closeDate == null) {
            deal.closeDate = LocalDate.ofInstant(Instant.ofEpochMilli(tx.now()), tenant.timeZone());
        }
        AccountEntity account = tx.em().find(AccountEntity.class, deal.accountId);
        DealType type = DealType.valueOf(deal.type);
        long seats = deal.seats == null ? 0 : deal.seats;
        long arrDelta = switch (type) {
            case CONTRACTION -> -deal.arrCents;
            case RENEWAL -> deal.arrCents - account.arrCents;
            default -> deal.arrCents;
        };
        long seatsDelta = switch (type) {
            case CONTRACTION -> -seats;
            case RENEWAL -> seats - account.seats;
            default -> seats;
        };
        RevenueKind kind = switch (type) {
            case NEW_BUSINESS -> RevenueKind.NEW;
            case EXPANSION, CROSS_SELL -> RevenueKind.EXPANSION;
            case RENEWAL -> RevenueKind.RENEWAL;
            case CONTRACTION -> RevenueKind.CONTRACTION;
        };
        if (arrDelta != 0 || kind == RevenueKind.RENEWAL) {
            revenue(tx, deal, kind, arrDelta, seatsDelta, "Winning", at);
        }
        tx.publish(RevosEvents.DEAL_WON, Map.of(RevosEvents.OBJECT_TYPE, "DEAL", RevosEvents.OBJECT_ID, deal.id,
                RevosEvents.STAGE, stage.id(), RevosEvents.ARR_CENTS, deal.arrCents, RevosEvents.ACCOUNT_ID,
                deal.accountId));
    }

    /**
     * A deal placed in a won stage by an import whose revenue events come in their own file: closed that day when
     * the row names no close date, with no revenue event and no won event (it was won elsewhere, and celebrated
     * there).
     */
    private static void closed(Tx tx, Tenant tenant, DealEntity deal) {
        if (deal.closeDate == null) {
            deal.closeDate = LocalDate.ofInstant(Instant.ofEpochMilli(tx.now()), tenant.timeZone());
        }
    }

    /**
     * A won deal's customer left: the account's remaining ARR and seats leave the ledger as one CHURN event naming
     * the deal, dated the move. An account with no ARR left (its churn already recorded) records nothing.
     */
    private static void churned(Tx tx, DealEntity deal) {
        AccountEntity account = tx.em().find(AccountEntity.class, deal.accountId);
        if (account.arrCents > 0) {
            revenue(tx, deal, RevenueKind.CHURN, -account.arrCents, -Math.max(0, account.seats), "Churning",
                    tx.now());
        }
    }

    private static void revenue(Tx tx, DealEntity deal, RevenueKind kind, long arrDelta, long seatsDelta,
            String doing, long at) {
        ObjectNode event = JsonNodeFactory.instance.objectNode().put("accountId", deal.accountId)
                .put("occurredAt", FieldTypes.instantText(at)).put("kind", kind.name())
                .put("arrDelta", BigDecimal.valueOf(arrDelta, 2)).put("seatsDelta", seatsDelta)
                .put("dealId", deal.id);
        try {
            ObjectEngine.create(tx, Catalog.REVENUE_EVENT, event);
        } catch (Problem refused) {
            throw Problem.unprocessable("Transition refused", doing + " this deal would record revenue the"
                    + " account cannot take: " + refused.getMessage(), refused.errors());
        }
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

    /** A lead or deal, seen through what the engine needs of it. */
    private record Staged(ObjectType type, TenantRow entity) {

        static Staged load(Tx tx, ObjectType type, String id) {
            return new Staged(type, type == ObjectType.DEAL ? ObjectEngine.find(tx.em(), Catalog.DEAL, id)
                    : ObjectEngine.find(tx.em(), Catalog.LEAD, id));
        }

        String pipeline() {
            return entity instanceof DealEntity d ? d.pipeline : ((LeadEntity) entity).pipeline;
        }

        String stage() {
            return entity instanceof DealEntity d ? d.stage : ((LeadEntity) entity).stage;
        }

        String properties() {
            return entity instanceof DealEntity d ? d.properties : ((LeadEntity) entity).properties;
        }

        String lossReason() {
            return entity instanceof DealEntity d ? d.lossReason : null;
        }

        void setProperties(String json) {
            if (entity instanceof DealEntity d) {
                d.properties = json;
            } else {
                ((LeadEntity) entity).properties = json;
            }
        }

        void setLossReason(String reason) {
            ((DealEntity) entity).lossReason = reason;
        }

        void move(String pipeline, String stage, long at) {
            if (entity instanceof DealEntity d) {
                d.pipeline = pipeline;
                d.stage = stage;
            } else {
                LeadEntity l = (LeadEntity) entity;
                l.pipeline = pipeline;
                l.stage = stage;
            }
            entity.updatedAt = at;
        }

        ObjectNode render() {
            return entity instanceof DealEntity d ? ObjectEngine.render(Catalog.DEAL, d)
                    : ObjectEngine.render(Catalog.LEAD, (LeadEntity) entity);
        }
    }
}
