package org.revos.runtime.internal.adoption;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.revos.api.model.Tenant;
import org.revos.api.query.RevosData;
import org.revos.api.query.TenantData;
import org.revos.api.spi.AdoptionProbe;
import org.revos.api.spi.AdoptionTactic;
import org.revos.api.spi.ChecklistItem;
import org.revos.api.spi.Initiative;
import org.revos.api.spi.KpiDefinition;
import org.revos.api.spi.Notification;
import org.revos.api.spi.NotifierSubscription;
import org.revos.api.spi.ProbeContext;
import org.revos.api.spi.ProbeResult;
import org.revos.runtime.internal.boot.Daemons;
import org.revos.runtime.internal.gateway.PluginCallFailed;
import org.revos.runtime.internal.gateway.PluginGateway;
import org.revos.runtime.internal.kpi.KpiCalculators;
import org.revos.runtime.internal.persistence.ChecklistItemEntity;
import org.revos.runtime.internal.persistence.InitiativeEntity;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.UserEntity;
import org.revos.runtime.internal.notify.Notifications;
import org.revos.runtime.internal.plugins.PluginServices;
import org.revos.runtime.internal.plugins.PluginServices.Contribution;
import org.revos.runtime.internal.plugins.TenantPlugins;
import org.revos.runtime.internal.stages.StageModels;

/**
 * Evaluates initiatives' checklists and runs their reminders. A checklist joins the initiative's manual items with
 * the answers of every {@link AdoptionProbe} of the plugins enabled for the tenant, asked through the plugin gateway
 * with the tenant's live configuration. A timer sends due and overdue tasks to their owners once, sends scheduled
 * reminders at their cadence, and celebrates an initiative once when all six tactics are done.
 */
@Component(service = AdoptionEngine.class)
public final class AdoptionEngine {

    private static final Logger LOG = Logger.getLogger(AdoptionEngine.class.getName());
    /** Seconds between reminder rounds; a system property so tests can shorten it. */
    static final String TICK_PROPERTY = "revos.adoption.tick.seconds";
    public static final String REMINDER_TOPIC = "org/revos/adoption/REMINDER";
    public static final String COMPLETED_TOPIC = "org/revos/adoption/COMPLETED";

    private final Store store;
    private final PluginGateway gateway;
    private final StageModels stageModels;
    private final KpiCalculators kpis;
    private final RevosData data;
    private final PluginServices<AdoptionProbe> probes;
    private final Notifications notifications;
    /**
     * Completion is checked on every tick that is a multiple of this, and on every checklist read: a check asks
     * every probe, and probes may read much of a tenant's data.
     */
    static final int COMPLETION_EVERY = 15;
    private final java.util.concurrent.atomic.AtomicLong ticks = new java.util.concurrent.atomic.AtomicLong();
    private final ScheduledExecutorService timer = Daemons.scheduler("revos-adoption");

    @Activate
    public AdoptionEngine(@Reference Store store, @Reference PluginGateway gateway, @Reference TenantPlugins plugins,
            @Reference StageModels stageModels, @Reference KpiCalculators kpis, @Reference RevosData data,
            @Reference Notifications notifications) {
        this.store = store;
        this.gateway = gateway;
        this.stageModels = stageModels;
        this.kpis = kpis;
        this.data = data;
        this.probes = new PluginServices<>(plugins);
        this.notifications = notifications;
        long tick = Long.getLong(TICK_PROPERTY, 60L);
        timer.scheduleWithFixedDelay(this::tickAll, tick, tick, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addProbe(ServiceReference<AdoptionProbe> ref, AdoptionProbe probe) {
        probes.add(ref, probe);
    }

    void removeProbe(ServiceReference<AdoptionProbe> ref) {
        probes.remove(ref);
    }

    /** One probe's answer, or why it has none. */
    public record ProbeAnswer(String pluginId, String probeId, AdoptionTactic tactic, String label,
            ProbeResult result, String failure) {
    }

    /** The evaluated checklist of one initiative. */
    public record Checklist(Initiative initiative, Map<AdoptionTactic, List<ChecklistItem>> items,
            Map<AdoptionTactic, List<ProbeAnswer>> probes) {

        /** @return whether the tactic has something planned or checked, and all of it is done */
        public boolean done(AdoptionTactic tactic) {
            List<ChecklistItem> manual = items.get(tactic);
            List<ProbeAnswer> answers = probes.get(tactic);
            if (manual.isEmpty() && answers.isEmpty()) {
                return false;
            }
            return manual.stream().allMatch(i -> i.kind() == ChecklistItem.Kind.REMINDER || i.isDone())
                    && answers.stream().allMatch(a -> a.result() != null && a.result().done());
        }

        public boolean done() {
            return List.of(AdoptionTactic.values()).stream().allMatch(this::done);
        }
    }

    /** @return the initiative's checklist, asking every applicable probe now */
    public Checklist checklist(String tenantId, InitiativeEntity entity) {
        TenantData tenantData = data.forTenant(tenantId);
        Tenant tenant = tenantData.tenant();
        Initiative initiative = Models.initiative(entity);
        List<ChecklistItem> items = store.read(tenantId, em -> em.createQuery("SELECT i FROM ChecklistItemEntity i"
                + " WHERE i.initiativeId = :id ORDER BY i.id", ChecklistItemEntity.class)
                .setParameter("id", entity.id).getResultList()).stream().map(Models::item).toList();
        List<KpiDefinition> definitions = kpis.forTenant(tenantId).values().stream()
                .map(KpiCalculators.Offered::definition).toList();
        ProbeContext context = new ProbeContext(initiative, tenantData, stageModels.forTenant(tenant)
                .effectivePipelines(tenantData.propertyDefinitions().toList()),
                definitions, subscriptions(tenant), items, Instant.now());
        Map<AdoptionTactic, List<ChecklistItem>> byTactic = new EnumMap<>(AdoptionTactic.class);
        Map<AdoptionTactic, List<ProbeAnswer>> answers = new EnumMap<>(AdoptionTactic.class);
        for (AdoptionTactic tactic : AdoptionTactic.values()) {
            byTactic.put(tactic, new ArrayList<>());
            answers.put(tactic, new ArrayList<>());
        }
        items.forEach(i -> byTactic.get(i.tactic()).add(i));
        for (Contribution<AdoptionProbe> c : probes.enabledFor(tenantId)) {
            answers.computeIfAbsent(c.service().tactic(), t -> new ArrayList<>());
            ProbeAnswer answer = ask(tenantId, c, context);
            if (answer != null) {
                answers.get(answer.tactic()).add(answer);
            }
        }
        return new Checklist(initiative, byTactic, answers);
    }

    private ProbeAnswer ask(String tenantId, Contribution<AdoptionProbe> c, ProbeContext context) {
        AdoptionProbe probe = c.service();
        try {
            return gateway.call(c.pluginId(), tenantId, "adoption probe", () -> {
                if (!probe.appliesTo(context.initiative())) {
                    return null;
                }
                ProbeResult result = probe.check(context);
                if (result == null) {
                    throw new IllegalStateException("probe " + probe.id() + " answered nothing");
                }
                return new ProbeAnswer(c.pluginId(), probe.id(), probe.tactic(), probe.label(), result, null);
            });
        } catch (PluginCallFailed e) {
            LOG.log(Level.WARNING, e.getMessage(), e.getCause());
            return new ProbeAnswer(c.pluginId(), "?", tacticOf(probe), "probe of " + c.pluginId(), null,
                    e.getMessage());
        }
    }

    private static AdoptionTactic tacticOf(AdoptionProbe probe) {
        try {
            return probe.tactic();
        } catch (RuntimeException e) {
            return AdoptionTactic.INSPECT;
        }
    }

    /** @return what the tenant's webhooks and notifiers announce */
    List<NotifierSubscription> subscriptions(Tenant tenant) {
        return notifications.subscriptions(tenant);
    }

    /** @return how many webhooks and notifiers took the notification */
    int notify(Tenant tenant, String target, Notification notification) {
        return notifications.notify(tenant, target, notification);
    }

    private void tickAll() {
        try {
            if (!store.status().isUp()) {
                return;
            }
            boolean completion = ticks.getAndIncrement() % COMPLETION_EVERY == 0;
            for (String tenantId : store.readPlatform(em -> em.createQuery("SELECT t.id FROM TenantEntity t",
                    String.class).getResultList())) {
                tick(tenantId, Instant.now(), completion);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Adoption reminders failed; retrying at the next round", e);
        }
    }

    /** One round for a tenant: due and overdue tasks, scheduled reminders and, if asked, completed initiatives. */
    void tick(String tenantId, Instant now, boolean completion) {
        Tenant tenant = data.forTenant(tenantId).tenant();
        ZoneId zone = tenant.timeZone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<ChecklistItemEntity> open = store.read(tenantId, em -> em.createQuery("SELECT i FROM"
                + " ChecklistItemEntity i WHERE i.doneAt IS NULL AND i.ownerId IS NOT NULL AND ((i.kind = 'TASK' AND"
                + " i.remindedAt IS NULL AND i.due IS NOT NULL AND i.due <= :today) OR i.kind = 'REMINDER')"
                + " ORDER BY i.id", ChecklistItemEntity.class).setParameter("today", today).getResultList());
        for (ChecklistItemEntity item : open) {
            boolean reminder = ChecklistItem.Kind.REMINDER.name().equals(item.kind);
            if (reminder && item.lastSentAt != null && Instant.ofEpochMilli(item.lastSentAt)
                    .plus("WEEKLY".equals(item.cadence) ? Duration.ofDays(7) : Duration.ofDays(1)).isAfter(now)) {
                continue;
            }
            InitiativeEntity initiative = store.read(tenantId, em -> em.find(InitiativeEntity.class,
                    item.initiativeId));
            UserEntity owner = store.read(tenantId, em -> em.find(UserEntity.class, item.ownerId));
            if (initiative == null || owner == null) {
                continue;
            }
            Notification n = Messages.reminder(initiative, item, owner, today);
            if (notify(tenant, owner.id, n) > 0) {
                store.write(tenantId, null, tx -> {
                    ChecklistItemEntity stored = tx.em().find(ChecklistItemEntity.class, item.id);
                    if (reminder) {
                        stored.lastSentAt = now.toEpochMilli();
                    } else {
                        stored.remindedAt = now.toEpochMilli();
                    }
                    return null;
                });
            }
        }
        if (!completion) {
            return;
        }
        List<InitiativeEntity> uncelebrated = store.read(tenantId, em -> em.createQuery("SELECT i FROM"
                + " InitiativeEntity i WHERE i.celebratedAt IS NULL ORDER BY i.id", InitiativeEntity.class)
                .getResultList());
        for (InitiativeEntity initiative : uncelebrated) {
            celebrateIfDone(tenantId, initiative, checklist(tenantId, initiative), now);
        }
    }

    /**
     * Celebrates an initiative whose six tactics are all done, once: through the notifiers, with the
     * {@value #COMPLETED_TOPIC} event, and by setting its {@code celebratedAt}. Without a notifier nothing is marked,
     * so the celebration goes out when one is set up.
     */
    void celebrateIfDone(String tenantId, InitiativeEntity initiative, Checklist checklist, Instant now) {
        if (initiative.celebratedAt != null || !checklist.done()) {
            return;
        }
        synchronized (this) {
            InitiativeEntity current = store.read(tenantId, em -> em.find(InitiativeEntity.class, initiative.id));
            if (current == null || current.celebratedAt != null) {
                return;
            }
            Tenant tenant = data.forTenant(tenantId).tenant();
            if (notify(tenant, initiative.ownerId, Messages.completed(initiative)) == 0) {
                return;
            }
            store.write(tenantId, null, tx -> {
                InitiativeEntity stored = tx.em().find(InitiativeEntity.class, initiative.id);
                stored.celebratedAt = now.toEpochMilli();
                tx.publish(COMPLETED_TOPIC, Map.of(org.revos.api.event.RevosEvents.OBJECT_TYPE, "INITIATIVE",
                        org.revos.api.event.RevosEvents.OBJECT_ID, initiative.id));
                return null;
            });
            initiative.celebratedAt = now.toEpochMilli();
        }
    }
}
