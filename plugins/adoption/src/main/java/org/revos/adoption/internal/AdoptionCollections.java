package org.revos.adoption.internal;

import static org.revos.kernel.spi.objects.FieldTypes.date;
import static org.revos.kernel.spi.objects.FieldTypes.instant;
import static org.revos.kernel.spi.objects.FieldTypes.oneOf;
import static org.revos.kernel.spi.objects.FieldTypes.reference;
import static org.revos.kernel.spi.objects.FieldTypes.text;

import java.time.LocalDate;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.revos.api.model.ObjectType;
import org.revos.api.spi.AdoptionTactic;
import org.revos.api.spi.ChecklistItem;
import org.revos.kernel.spi.objects.Field;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.kernel.spi.objects.ObjectSchema;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The adoption engine's collections, initiatives and their checklist items, offered to the kernel's catalog while the
 * engine runs (so items' references to initiatives are checked, a user an initiative names cannot be deleted, and the
 * OpenAPI document describes them). The resources reference this component, so they serve only once the kernel knows
 * the collections.
 */
@Component(service = AdoptionCollections.class)
public final class AdoptionCollections {

    /** The object types whose properties an initiative may be about. */
    static final List<String> WITH_PROPERTIES = List.of("ACCOUNT", "CONTACT", "LEAD", "DEAL");

    static final ObjectSchema<InitiativeEntity> INITIATIVE = new ObjectSchema<>("initiative",
            "adoption/initiatives", ObjectType.INITIATIVE, InitiativeEntity.class, "ini", InitiativeEntity::new,
            List.of(Field.<InitiativeEntity>of("name", text(200), e -> e.name, (e, v) -> e.name = (String) v)
                    .required(),
                    Field.<InitiativeEntity>of("goal", text(1000), e -> e.goal, (e, v) -> e.goal = (String) v),
                    Field.<InitiativeEntity>of("objectType", oneOf(WITH_PROPERTIES), e -> e.objectType,
                            (e, v) -> e.objectType = (String) v).filterable(),
                    Field.<InitiativeEntity>of("property", FieldTypes.propertyKey(), e -> e.property,
                            (e, v) -> e.property = (String) v),
                    Field.<InitiativeEntity>of("pipeline", text(100), e -> e.pipeline,
                            (e, v) -> e.pipeline = (String) v),
                    Field.<InitiativeEntity>of("stage", text(100), e -> e.stage, (e, v) -> e.stage = (String) v),
                    Field.<InitiativeEntity>of("kpi", text(100), e -> e.kpi, (e, v) -> e.kpi = (String) v),
                    Field.<InitiativeEntity>of("ownerId", reference("usr"), e -> e.ownerId,
                            (e, v) -> e.ownerId = (String) v).references(ObjectType.USER).filterable(),
                    Field.<InitiativeEntity>of("winEvent", text(200), e -> e.winEvent,
                            (e, v) -> e.winEvent = (String) v),
                    Field.<InitiativeEntity>of("documentationUrl", text(1000), e -> e.documentationUrl,
                            (e, v) -> e.documentationUrl = (String) v),
                    Field.<InitiativeEntity>of("trainingTeam", text(100), e -> e.trainingTeam,
                            (e, v) -> e.trainingTeam = (String) v),
                    Field.<InitiativeEntity>of("phases", new PhasesType(), e -> e.phases,
                            (e, v) -> e.phases = v == null ? null : PhasesType.mergeInto(e.phases, (ObjectNode) v)),
                    Field.<InitiativeEntity>readOnly("celebratedAt", instant(), e -> e.celebratedAt,
                            "it is set when every tactic of the checklist is done and the win was celebrated")),
            new InitiativeRules(), false);

    static final ObjectSchema<ChecklistItemEntity> CHECKLIST_ITEM = new ObjectSchema<>("checklist item",
            "adoption/items", ObjectType.CHECKLIST_ITEM, ChecklistItemEntity.class, "chk",
            ChecklistItemEntity::new, List.of(
                    Field.<ChecklistItemEntity>of("initiativeId", reference("ini"), e -> e.initiativeId,
                            (e, v) -> e.initiativeId = (String) v).references(ObjectType.INITIATIVE).required()
                            .filterable().createOnly("an item belongs to one initiative"),
                    Field.<ChecklistItemEntity>of("tactic", oneOf(AdoptionTactic.class), e -> e.tactic,
                            (e, v) -> e.tactic = (String) v).required().filterable(),
                    Field.<ChecklistItemEntity>of("kind", oneOf(ChecklistItem.Kind.class), e -> e.kind,
                            (e, v) -> e.kind = (String) v).filterable().createOnly("create another item instead"),
                    Field.<ChecklistItemEntity>of("text", text(1000), e -> e.text, (e, v) -> e.text = (String) v)
                            .required(),
                    Field.<ChecklistItemEntity>of("ownerId", reference("usr"), e -> e.ownerId,
                            (e, v) -> e.ownerId = (String) v).references(ObjectType.USER).filterable(),
                    Field.<ChecklistItemEntity>of("due", date(), e -> e.due, (e, v) -> e.due = (LocalDate) v),
                    Field.<ChecklistItemEntity>of("userId", reference("usr"), e -> e.userId,
                            (e, v) -> e.userId = (String) v).references(ObjectType.USER).filterable(),
                    Field.<ChecklistItemEntity>of("cadence", oneOf(List.of("DAILY", "WEEKLY")), e -> e.cadence,
                            (e, v) -> e.cadence = (String) v),
                    Field.<ChecklistItemEntity>of("done", FieldTypes.bool(), e -> e.doneAt != null,
                            (e, v) -> e.doneRequested = (Boolean) v),
                    Field.<ChecklistItemEntity>readOnly("doneBy", text(100), e -> e.doneBy,
                            "it is the key that set done"),
                    Field.<ChecklistItemEntity>readOnly("doneAt", instant(), e -> e.doneAt,
                            "it is the instant done was set")),
            new ChecklistItemRules(), false);

    private final List<ServiceRegistration<?>> registrations;

    @Activate
    public AdoptionCollections(BundleContext context) {
        // what others refer to first: items refer to initiatives
        registrations = List.of(context.registerService(ObjectSchema.class, INITIATIVE, null),
                context.registerService(ObjectSchema.class, CHECKLIST_ITEM, null));
    }

    @Deactivate
    void withdraw() {
        for (int i = registrations.size() - 1; i >= 0; i--) {
            try {
                registrations.get(i).unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework unregistered it first
            }
        }
    }
}
