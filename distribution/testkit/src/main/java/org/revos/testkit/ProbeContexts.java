package org.revos.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.revos.api.model.Pipeline;
import org.revos.api.query.TenantData;
import org.revos.api.spi.AdoptionProbe;
import org.revos.api.spi.ChecklistItem;
import org.revos.api.spi.Initiative;
import org.revos.api.spi.KpiDefinition;
import org.revos.api.spi.NotifierSubscription;
import org.revos.api.spi.ProbeContext;
import org.revos.api.spi.ProbeResult;

/**
 * Builds the {@link ProbeContext} the adoption engine hands an {@link AdoptionProbe}: the initiative, the tenant's
 * data and its live configuration (pipelines, KPIs, notifier subscriptions, checklist items).
 *
 * <pre>{@code
 * ProbeResult result = ProbeContexts.forInitiative(ProbeContexts.initiative("ini_1").kpi("win_rate").build())
 *         .kpi(new KpiDefinition("win_rate", "Win rate", KpiUnit.PERCENT, true, List.of()))
 *         .check(new MyProbe());
 * }</pre>
 */
public final class ProbeContexts {

    private final Initiative initiative;
    private TenantData data;
    private final List<Pipeline> pipelines = new ArrayList<>();
    private final List<KpiDefinition> kpis = new ArrayList<>();
    private final List<NotifierSubscription> subscriptions = new ArrayList<>();
    private final List<ChecklistItem> items = new ArrayList<>();
    private Instant now = Instants.at("2026-07-01");

    private ProbeContexts(Initiative initiative) {
        this.initiative = initiative;
    }

    public static ProbeContexts forInitiative(Initiative initiative) {
        return new ProbeContexts(initiative);
    }

    /** @return a builder of an initiative: only the fields a probe reads need setting */
    public static InitiativeBuilder initiative(String id) {
        return new InitiativeBuilder(id);
    }

    /** The tenant's data; without it, an empty {@link InMemoryTenantData} of {@link Tenants#DEFAULT}. */
    public ProbeContexts data(TenantData data) {
        this.data = data;
        return this;
    }

    /** Adds a pipeline; without any, the context carries {@link Pipelines#standard()}. */
    public ProbeContexts pipeline(Pipeline pipeline) {
        pipelines.add(pipeline);
        return this;
    }

    public ProbeContexts kpi(KpiDefinition kpi) {
        kpis.add(kpi);
        return this;
    }

    public ProbeContexts subscription(NotifierSubscription subscription) {
        subscriptions.add(subscription);
        return this;
    }

    public ProbeContexts item(ChecklistItem item) {
        items.add(item);
        return this;
    }

    /** The instant of the check (default 2026-07-01T00:00Z); probes measure "the last 30 days" back from it. */
    public ProbeContexts now(String at) {
        this.now = Instants.at(at);
        return this;
    }

    public ProbeContext build() {
        return new ProbeContext(initiative, data != null ? data : InMemoryTenantData.of(Tenants.DEFAULT).build(),
                pipelines.isEmpty() ? Pipelines.standard() : pipelines, kpis, subscriptions, items, now);
    }

    /** @return what {@code probe} answers, after checking that it applies to the initiative */
    public ProbeResult check(AdoptionProbe probe) {
        if (!probe.appliesTo(initiative)) {
            throw new IllegalStateException("Probe " + probe.id() + " does not apply to initiative "
                    + initiative.id() + ": its checklist would leave it out");
        }
        return probe.check(build());
    }

    /** Builds an {@link Initiative}; unset fields are {@code null}, as for an initiative created without them. */
    public static final class InitiativeBuilder {
        private final String id;
        private String name;
        private String goal;
        private org.revos.api.model.ObjectType objectType;
        private String property;
        private String pipeline;
        private String stage;
        private String kpi;
        private String ownerId;
        private String winEvent;
        private String documentationUrl;
        private String trainingTeam;
        private final List<Initiative.Phase> phases = new ArrayList<>();

        private InitiativeBuilder(String id) {
            this.id = id;
            this.name = id;
        }

        public InitiativeBuilder name(String name) {
            this.name = name;
            return this;
        }

        public InitiativeBuilder goal(String goal) {
            this.goal = goal;
            return this;
        }

        /** The object type and property a required-property tactic is about. */
        public InitiativeBuilder property(org.revos.api.model.ObjectType type, String key) {
            this.objectType = type;
            this.property = key;
            return this;
        }

        public InitiativeBuilder stage(String pipelineId, String stageId) {
            this.pipeline = pipelineId;
            this.stage = stageId;
            return this;
        }

        public InitiativeBuilder kpi(String kpiId) {
            this.kpi = kpiId;
            return this;
        }

        public InitiativeBuilder owner(String userId) {
            this.ownerId = userId;
            return this;
        }

        public InitiativeBuilder winEvent(String topic) {
            this.winEvent = topic;
            return this;
        }

        public InitiativeBuilder documentationUrl(String url) {
            this.documentationUrl = url;
            return this;
        }

        public InitiativeBuilder trainingTeam(String team) {
            this.trainingTeam = team;
            return this;
        }

        public InitiativeBuilder phase(Initiative.PhaseName name, Initiative.PhaseStatus status) {
            phases.add(new Initiative.Phase(name, null, null, status));
            return this;
        }

        public Initiative build() {
            return new Initiative(id, name, goal, objectType, property, pipeline, stage, kpi, ownerId, winEvent,
                    documentationUrl, trainingTeam, phases);
        }
    }
}
