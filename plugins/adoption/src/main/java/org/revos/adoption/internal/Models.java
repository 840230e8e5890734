package org.revos.adoption.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.revos.api.model.ObjectType;
import org.revos.api.spi.AdoptionTactic;
import org.revos.api.spi.ChecklistItem;
import org.revos.api.spi.Initiative;
import org.revos.kernel.spi.objects.FieldTypes;

import com.fasterxml.jackson.databind.JsonNode;

/** Stored initiatives and items as the API's records, which probes see. */
final class Models {

    private Models() {
    }

    static Initiative initiative(InitiativeEntity e) {
        List<Initiative.Phase> phases = new ArrayList<>();
        JsonNode stored = e.phases == null ? null : FieldTypes.readTree(e.phases);
        for (Initiative.PhaseName name : Initiative.PhaseName.values()) {
            JsonNode p = stored == null ? null : stored.get(name.name().toLowerCase(Locale.ROOT));
            phases.add(p == null ? new Initiative.Phase(name, null, null, Initiative.PhaseStatus.NOT_STARTED)
                    : new Initiative.Phase(name, text(p.get("start")), text(p.get("end")),
                            Initiative.PhaseStatus.valueOf(p.path("status").asText("NOT_STARTED"))));
        }
        return new Initiative(e.id, e.name, e.goal, e.objectType == null ? null : ObjectType.valueOf(e.objectType),
                e.property, e.pipeline, e.stage, e.kpi, e.ownerId, e.winEvent, e.documentationUrl, e.trainingTeam,
                phases);
    }

    static ChecklistItem item(ChecklistItemEntity e) {
        return new ChecklistItem(e.id, e.initiativeId, AdoptionTactic.valueOf(e.tactic),
                ChecklistItem.Kind.valueOf(e.kind), e.text, e.ownerId, e.due, e.userId, e.cadence, e.doneBy,
                e.doneAt == null ? null : Instant.ofEpochMilli(e.doneAt));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
