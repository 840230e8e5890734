package org.revos.adoption.internal;

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
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.revos.api.event.RevosEvents;
import org.revos.api.model.Tenant;
import org.revos.api.model.User;
import org.revos.api.query.RevosData;
import org.revos.api.query.TenantData;
import org.revos.api.services.KpiCatalog;
import org.revos.api.services.NotificationCenter;
import org.revos.api.services.Pipelines;
import org.revos.api.spi.AdoptionProbe;
import org.revos.api.spi.AdoptionTactic;
import org.revos.api.spi.ChecklistItem;
import org.revos.api.spi.Initiative;
import org.revos.api.spi.Notification;
import org.revos.api.spi.NotifierSubscription;
import org.revos.api.spi.ProbeContext;
import org.revos.api.spi.ProbeResult;
import org.revos.kernel.spi.Contributions;
import org.revos.kernel.spi.Contributions.Contribution;
import org.revos.kernel.spi.Daemons;
import org.revos.kernel.spi.Knobs;
import org.revos.kernel.spi.PluginCallFailed;
import org.revos.kernel.spi.PluginCalls;
import org.revos.kernel.spi.TenantStore;

/**
 * Evaluates initiatives' checklists and runs their reminders. A checklist joins the initiative's manual items with
 * the answers of every {@link AdoptionProbe} of the plugins enabled for the tenant, asked through the plugin gateway
 * with the tenant's live configuration. A timer sends due and overdue tasks to their owners once, sends scheduled
 * reminders at their cadence, and celebrates an initiative once when all six tactics are done.
 * <p>
 * What other capabilities know (the tenant's pipelines, its KPIs, its webhooks and notifiers) comes from their
 * services when they are installed; without them a probe sees none, and nobody is reminded.
 */
@Component(service = AdoptionEngine.class, configurationPid = AdoptionEngine.PID)
@Designate(ocd = AdoptionEngine.Config.class)
public final class AdoptionEngine {

    /** The configuration PID ({@code org.revos.adoption.engine.cfg} in the deploy folder). */
    public static final String PID = "org.revos.adoption.engine";
    /** The framework property that sets the round's length when the configuration does not. */
    static final String TICK_PROPERTY = "revos.adoption.tick.seconds";
    public static final String REMINDER_TOPIC = "org/revos/adoption/REMINDER";
    public static final String COMPLETED_TOPIC = "org/revos/adoption/COMPLETED";
    private static final Logger LOG = Logger.getLogger(AdoptionEngine.class.getName());
    private static final long DEFAULT_TICK_SECONDS = 60;

    /** The adoption engine's settings. */
    @ObjectClassDefinition(name = "RevOS adoption engine", description = "How often the adoption engine sends due"
            + " reminders and checks whether initiatives are adopted.")
    public @interface Config {
        @AttributeDefinition(name = "Round (seconds)", description = "Seconds between rounds of reminders; every"
                + " 15th round also checks completed initiatives. 0 takes the framework property"
                + " revos.adoption.tick.seconds, or 60.", min = "0")
        long tickSeconds() default 0;
    }

    /**
     * Completion is checked on every tick that is a multiple of this, and on every checklist read: a check asks
     * every probe, and probes may read much of a tenant's data.
     */
    static final int COMPLETION_EVERY = 15;

    private final TenantStore store;
    private final PluginCalls plugins;
    private final RevosData data;
    private final Contributions<AdoptionProbe> probes;
    /** The stage model's pipelines; absent while the capability that offers it is not installed */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Pipelines pipelines;
    /** The KPIs the tenant can ask for; absent while the capability that offers it is not installed */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile KpiCatalog kpis;
    /** Who tells people; absent while the capability that offers it is not installed */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile NotificationCenter notifications;
    private final AtomicLong ticks = new AtomicLong();
    private final ScheduledExecutorService timer = Daemons.scheduler("revos-adoption");

    @Activate
    public AdoptionEngine(@Reference TenantStore store, @Reference PluginCalls plugins, @Reference RevosData data,
            BundleContext context, Config config) {
        this.store = store;
        this.plugins = plugins;
        this.data = data;
        this.probes = new Contributions<>(plugins);
        long tick = Knobs.positive(config.tickSeconds(), context, TICK_PROPERTY, DEFAULT_TICK_SECONDS);
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
        List<ChecklistItem> items = store.query(tenantId, em -> em.createQuery("SELECT i FROM ChecklistItemEntity i"
                + " WHERE i.initiativeId = :id ORDER BY i.id", ChecklistItemEntity.class)
                .setParameter("id", entity.id).getResultList()).stream().map(Models::item).toList();
        Pipelines pipelinesNow = pipelines;
        KpiCatalog kpisNow = kpis;
        ProbeContext context = new ProbeContext(initiative, tenantData,
                pipelinesNow == null ? List.of() : pipelinesNow.effective(tenant),
                kpisNow == null ? List.of() : kpisNow.definitions(tenantId), subscriptions(tenant), items,
                Instant.now());
        Map<AdoptionTactic, List<ChecklistItem>> byTactic = new EnumMap<>(AdoptionTactic.class);
        Map<AdoptionTactic, List<ProbeAnswer>> answers = new EnumMap<>(AdoptionTactic.class);
        for (AdoptionTactic tactic : AdoptionTactic.values()) {
            byTactic.put(tactic, new ArrayList<>());
            answers.put(tactic, new ArrayList<>());
        }
        items.forEach(i -> byTactic.get(i.tactic()).add(i));
        for (Contribution<AdoptionProbe> c : probes.enabledFor(tenantId)) {
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
            return plugins.call(c.pluginId(), tenantId, "adoption probe", () -> {
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
        NotificationCenter center = notifications;
        return center == null ? List.of() : center.subscriptions(tenant);
    }

    /** @return how many webhooks and notifiers took the notification */
    int notify(Tenant tenant, String target, Notification notification) {
        NotificationCenter center = notifications;
        return center == null ? 0 : center.notify(tenant, target, notification);
    }

    private void tickAll() {
        try {
            if (!store.isUp()) {
                return;
            }
            boolean completion = ticks.getAndIncrement() % COMPLETION_EVERY == 0;
            for (String tenantId : store.tenantIds()) {
                tick(tenantId, Instant.now(), completion);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Adoption reminders failed; retrying at the next round", e);
        }
    }

    /** One round for a tenant: due and overdue tasks, scheduled reminders and, if asked, completed initiatives. */
    void tick(String tenantId, Instant now, boolean completion) {
        TenantData tenantData = data.forTenant(tenantId);
        Tenant tenant = tenantData.tenant();
        ZoneId zone = tenant.timeZone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<ChecklistItemEntity> open = store.query(tenantId, em -> em.createQuery("SELECT i FROM"
                + " ChecklistItemEntity i WHERE i.doneAt IS NULL AND i.ownerId IS NOT NULL AND ((i.kind = 'TASK' AND"
                + " i.remindedAt IS NULL AND i.due IS NOT NULL AND i.due <= :today) OR i.kind = 'REMINDER')"
                + " ORDER BY i.id", ChecklistItemEntity.class).setParameter("today", today).getResultList());
        for (ChecklistItemEntity item : open) {
            boolean reminder = ChecklistItem.Kind.REMINDER.name().equals(item.kind);
            if (reminder && item.lastSentAt != null && Instant.ofEpochMilli(item.lastSentAt)
                    .plus("WEEKLY".equals(item.cadence) ? Duration.ofDays(7) : Duration.ofDays(1)).isAfter(now)) {
                continue;
            }
            InitiativeEntity initiative = store.query(tenantId, em -> em.find(InitiativeEntity.class,
                    item.initiativeId));
            User owner = tenantData.user(item.ownerId).orElse(null);
            if (initiative == null || owner == null) {
                continue;
            }
            Notification n = Messages.reminder(initiative, item, owner, today);
            if (notify(tenant, owner.id(), n) > 0) {
                store.transaction(tenantId, null, tx -> {
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
        List<InitiativeEntity> uncelebrated = store.query(tenantId, em -> em.createQuery("SELECT i FROM"
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
            InitiativeEntity current = store.query(tenantId, em -> em.find(InitiativeEntity.class, initiative.id));
            if (current == null || current.celebratedAt != null) {
                return;
            }
            Tenant tenant = data.forTenant(tenantId).tenant();
            if (notify(tenant, initiative.ownerId, Messages.completed(initiative)) == 0) {
                return;
            }
            store.transaction(tenantId, null, tx -> {
                InitiativeEntity stored = tx.em().find(InitiativeEntity.class, initiative.id);
                stored.celebratedAt = now.toEpochMilli();
                tx.publish(COMPLETED_TOPIC, Map.of(RevosEvents.OBJECT_TYPE, "INITIATIVE", RevosEvents.OBJECT_ID,
                        initiative.id));
                return null;
            });
            initiative.celebratedAt = now.toEpochMilli();
        }
    }
}
