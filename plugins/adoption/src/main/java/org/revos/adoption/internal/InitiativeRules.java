package org.revos.adoption.internal;

import org.revos.api.event.RevosEvents;
import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.ObjectRules;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An initiative is about a property of an object type, a stage, or a KPI; a property needs its object type. Its win
 * event defaults to a deal won; its phases end no earlier than they start; its documentation link is a URL.
 */
final class InitiativeRules implements ObjectRules<InitiativeEntity> {

    @Override
    public void defaults(TenantTransaction tx, InitiativeEntity created) {
        if (created.winEvent == null) {
            created.winEvent = RevosEvents.DEAL_WON;
        }
        if (created.phases == null) {
            created.phases = PhasesType.empty().toString();
        }
    }

    @Override
    public void check(TenantTransaction tx, InitiativeEntity e, ObjectNode before, Violations v) {
        if (e.property != null && e.objectType == null) {
            v.add("objectType", "is required with a property: the object type the property belongs to");
        }
        if (e.stage != null && e.objectType != null && !e.objectType.equals("LEAD") && !e.objectType.equals("DEAL")) {
            v.add("stage", "only leads and deals move through stages");
        }
        if (e.documentationUrl != null && !e.documentationUrl.matches("(?i)https?://\\S+")) {
            v.add("documentationUrl", "must be an http or https URL");
        }
        PhasesType.checkDates(e.phases, v);
    }
}
