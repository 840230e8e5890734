package org.revos.runtime.internal.kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.revos.api.event.RevosEvents;
import org.revos.api.model.DealType;
import org.revos.api.model.ObjectType;
import org.revos.api.model.Pipeline;
import org.revos.api.model.RevenueKind;
import org.revos.api.model.Stage;
import org.revos.api.model.StageCategory;
import org.revos.api.model.Tenant;
import org.revos.kernel.spi.TenantRow;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.runtime.internal.objects.Catalog;
import org.revos.runtime.internal.objects.KernelStageHistory;
import org.revos.runtime.internal.objects.ObjectEngine;
import org.revos.runtime.internal.persistence.AccountEntity;
import org.revos.runtime.internal.persistence.DealEntity;
import org.revos.runtime.internal.persistence.Tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The stage moves the KPI tests script, written as the stage engine (bundle {@code org.revos.stages}) writes them:
 * the object's stage through the kernel's derive, a stage history row, the events, and a won deal's revenue event
 * with its close date. The kernel cannot depend on the engine, so its tests write what the engine would; the stage
 * rules themselves (requirements, allowed moves) are the engine's tests' concern, and the scripted pipelines have
 * none.
 */
public final class ScriptedStages {

    /** The pipelines a scripted tenant's stage model offers. */
    public record Offered(List<Pipeline> pipelines) {

        Optional<Pipeline> defaultPipeline(ObjectType type) {
            List<Pipeline> ofType = pipelines.stream().filter(p -> p.objectType() == type).toList();
            return ofType.stream().filter(Pipeline::isDefault).findFirst().or(() -> ofType.stream().findFirst());
        }

        Optional<Pipeline> pipeline(ObjectType type, String id) {
            return pipelines.stream().filter(p -> p.objectType() == type && p.id().equals(id)).findFirst();
        }
    }

    private static final KernelStageHistory HISTORY = new KernelStageHistory();

    private ScriptedStages() {
    }

    public static void enterFirstStage(Tx tx, Offered catalog, ObjectType type, String id) {
        catalog.defaultPipeline(type).ifPresent(p -> enterStage(tx, p, type, id));
    }

    public static void enterStage(Tx tx, Pipeline pipeline, ObjectType type, String id) {
        Stage first = pipeline.stages().get(0);
        ObjectEngine.derive(tx, schema(type), id, JsonNodeFactory.instance.objectNode().put("pipeline", pipeline.id())
                .put("stage", first.id()));
        record(tx, type, id, pipeline.id(), null, first.id());
    }

    /** Moves the object to {@code body.toStage} of its pipeline; a won deal records its revenue event. */
    public static ObjectNode transition(Tx tx, Tenant tenant, Offered catalog, ObjectType type, String id, JsonNode body) {
        ObjectNode before = ObjectEngine.render(schema(type), ObjectEngine.find(tx.em(), schema(type), id));
        String from = before.path("stage").asText(null);
        String pipelineId = before.path("pipeline").asText(null);
        Pipeline pipeline = (pipelineId == null ? catalog.defaultPipeline(type) : catalog.pipeline(type, pipelineId))
                .orElseThrow();
        Stage target = pipeline.stages().stream().filter(s -> s.id().equals(body.path("toStage").asText()))
                .findFirst().orElseThrow();
        if (target.id().equals(from)) {
            return before;
        }
        ObjectEngine.derive(tx, schema(type), id, JsonNodeFactory.instance.objectNode().put("pipeline", pipeline.id())
                .put("stage", target.id()));
        record(tx, type, id, pipeline.id(), from, target.id());
        if (type == ObjectType.DEAL && target.category() == StageCategory.WON) {
            won(tx, tenant, tx.em().find(DealEntity.class, id), target);
        }
        ObjectNode after = ObjectEngine.render(schema(type), ObjectEngine.find(tx.em(), schema(type), id));
        tx.audit("TRANSITION", type.name(), id, before, after);
        return after;
    }

    private static void won(Tx tx, Tenant tenant, DealEntity deal, Stage stage) {
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
            ObjectEngine.create(tx, Catalog.REVENUE_EVENT, JsonNodeFactory.instance.objectNode()
                    .put("accountId", deal.accountId).put("occurredAt", FieldTypes.instantText(tx.now()))
                    .put("kind", kind.name()).put("arrDelta", BigDecimal.valueOf(arrDelta, 2))
                    .put("seatsDelta", seatsDelta).put("dealId", deal.id));
        }
        tx.publish(RevosEvents.DEAL_WON, Map.of(RevosEvents.OBJECT_TYPE, "DEAL", RevosEvents.OBJECT_ID, deal.id,
                RevosEvents.STAGE, stage.id(), RevosEvents.ARR_CENTS, deal.arrCents, RevosEvents.ACCOUNT_ID,
                deal.accountId));
    }

    private static void record(Tx tx, ObjectType type, String id, String pipeline, String from, String to) {
        HISTORY.record(tx, type, id, pipeline, from, to, tx.now(), null);
        Map<String, Object> props = new HashMap<>(Map.of(RevosEvents.OBJECT_TYPE, type.name(), RevosEvents.OBJECT_ID,
                id, RevosEvents.PIPELINE, pipeline, RevosEvents.STAGE, to));
        if (from != null) {
            props.put(RevosEvents.FROM_STAGE, from);
        }
        tx.publish(RevosEvents.STAGE_CHANGED, props);
    }

    @SuppressWarnings("unchecked")
    private static ObjectSchema<TenantRow> schema(ObjectType type) {
        return (ObjectSchema<TenantRow>) (ObjectSchema<?>) (type == ObjectType.DEAL ? Catalog.DEAL : Catalog.LEAD);
    }
}
