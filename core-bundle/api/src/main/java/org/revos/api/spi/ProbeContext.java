package org.revos.api.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.revos.api.model.Pipeline;
import org.revos.api.query.TenantData;

/**
 * What an {@link AdoptionProbe} may look at: the initiative, the tenant's data and its live configuration.
 *
 * @param pipelines     the pipelines of the stage models enabled for the tenant
 * @param kpis          the KPIs available to the tenant
 * @param subscriptions what the tenant's notifiers announce
 * @param items         the initiative's manual items, reminders and trainings
 * @param now           the instant of the check; probes measure "the last 30 days" back from it
 */
public record ProbeContext(Initiative initiative, TenantData data, List<Pipeline> pipelines,
        List<KpiDefinition> kpis, List<NotifierSubscription> subscriptions, List<ChecklistItem> items,
        Instant now) {

    public ProbeContext {
        Objects.requireNonNull(initiative, "initiative");
        pipelines = List.copyOf(pipelines);
        kpis = List.copyOf(kpis);
        subscriptions = List.copyOf(subscriptions);
        items = List.copyOf(items);
    }
}
