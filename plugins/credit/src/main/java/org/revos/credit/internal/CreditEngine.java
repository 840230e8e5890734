package org.revos.credit.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.persistence.EntityManager;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.revos.api.event.RevosEvents;
import org.revos.api.query.RevosData;
import org.revos.api.spi.AccountCredit;
import org.revos.api.spi.CreditBucket;
import org.revos.api.spi.CreditInput;
import org.revos.api.spi.CreditRule;
import org.revos.kernel.spi.Contributions;
import org.revos.kernel.spi.Contributions.Contribution;
import org.revos.kernel.spi.Daemons;
import org.revos.kernel.spi.Knobs;
import org.revos.kernel.spi.PluginCallFailed;
import org.revos.kernel.spi.PluginCalls;
import org.revos.kernel.spi.TenantStore;

/**
 * Keeps every tenant's credit ledger current. Recording a revenue event marks its account stale in the same
 * transaction; this engine then recomputes that one account through the tenant's credit rule (on the event, on a
 * timer as a safety net, and before any credit read), stores the lines that changed, and reacts to an account
 * turning green: the {@link RevosEvents#ACCOUNT_GREEN} event and, unless the rule version turns it off, the
 * AE-to-AM handover. A rule plugin that fails leaves the accounts stale, never half-written, and they are retried.
 * The marks are written by {@link StaleMarks}, a write hook of the kernel; the safety-net round runs every
 * {@code catchUpSeconds} (configuration {@value #PID}, else the framework property {@value #CATCH_UP_PROPERTY}, else
 * {@value #DEFAULT_CATCH_UP_SECONDS}).
 */
@Component(service = { CreditEngine.class, EventHandler.class },
        property = EventConstants.EVENT_TOPIC + "=" + RevosEvents.REVENUE_RECORDED, configurationPid = CreditEngine.PID)
@Designate(ocd = CreditEngine.Config.class)
public final class CreditEngine implements EventHandler {

    /** The configuration PID ({@code org.revos.credit.engine.cfg} in the deploy folder). */
    public static final String PID = "org.revos.credit.engine";
    /** The framework property that sets the safety-net round's interval when the configuration does not. */
    static final String CATCH_UP_PROPERTY = "revos.credit.catchup.seconds";
    static final long DEFAULT_CATCH_UP_SECONDS = 30;
    private static final Logger LOG = Logger.getLogger(CreditEngine.class.getName());
    private static final int PENDING_BATCH = 200;

    /** Settings of this component (PID {@value #PID}). */
    @ObjectClassDefinition(name = "RevOS credit", description = "How often the credit engine brings every tenant's"
            + " stale accounts up to date besides reacting to each revenue event (a safety net).")
    public @interface Config {
        @AttributeDefinition(name = "Catch-up round every (s)", min = "0", description = "0 takes the framework"
                + " property " + CATCH_UP_PROPERTY + ", or " + DEFAULT_CATCH_UP_SECONDS + ".")
        long catchUpSeconds() default 0;
    }

    private final TenantStore store;
    private final PluginCalls gateway;
    private final RevosData data;
    private final Contributions<CreditRule> rules;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker = Daemons.scheduler("revos-credit");
    private final Map<String, Boolean> scheduled = new ConcurrentHashMap<>();
    private final Set<String> recomputing = ConcurrentHashMap.newKeySet();

    @Activate
    public CreditEngine(@Reference TenantStore store, @Reference PluginCalls plugins, @Reference RevosData data,
            BundleContext context, Config config) {
        this(store, plugins, data,
                Knobs.positive(config.catchUpSeconds(), context, CATCH_UP_PROPERTY, DEFAULT_CATCH_UP_SECONDS));
    }

    /** @param catchUpSeconds the interval of the safety-net round */
    CreditEngine(TenantStore store, PluginCalls plugins, RevosData data, long catchUpSeconds) {
        this.store = store;
        this.gateway = plugins;
        this.data = data;
        this.rules = new Contributions<>(plugins);
        worker.scheduleWithFixedDelay(this::drainAll, 2, catchUpSeconds, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        worker.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addRule(ServiceReference<CreditRule> ref, CreditRule rule) {
        rules.add(ref, rule);
    }

    void removeRule(ServiceReference<CreditRule> ref) {
        rules.remove(ref);
    }

    @Override
    public void handleEvent(Event event) {
        Object tenant = event.getProperty(RevosEvents.TENANT);
        if (tenant instanceof String t && scheduled.putIfAbsent(t, Boolean.TRUE) == null) {
            worker.execute(() -> {
                scheduled.remove(t);
                drain(t, true);
            });
        }
    }

    /** @return the credit rules enabled for the tenant, by rule id */
    Map<String, Contribution<CreditRule>> enabledRules(String tenantId) {
        Map<String, Contribution<CreditRule>> out = new LinkedHashMap<>();
        for (Contribution<CreditRule> c : rules.enabledFor(tenantId)) {
            try {
                out.putIfAbsent(gateway.call(c.pluginId(), tenantId, "credit rule id", () -> c.service().id()), c);
            } catch (PluginCallFailed e) {
                LOG.log(Level.WARNING, e.getMessage(), e.getCause());
            }
        }
        return out;
    }

    /** @return the rule's problems with a version's settings, by setting name */
    Map<String, String> validate(String tenantId, Contribution<CreditRule> plugin, Map<String, Object> settings)
            throws PluginCallFailed {
        Map<String, String> problems = gateway.call(plugin.pluginId(), tenantId, "credit rule validation",
                () -> plugin.service().validate(settings));
        return problems == null ? Map.of() : problems;
    }

    /** @return the tenant's stored versions, oldest effective first */
    List<CreditRuleVersionEntity> storedVersions(EntityManager em) {
        return em.createQuery("SELECT v FROM CreditRuleVersionEntity v ORDER BY v.effectiveFrom, v.createdAt, v.id",
                CreditRuleVersionEntity.class).getResultList();
    }

    /** @return the tenant's setup, empty when it has no rule version */
    Optional<RuleSetup> setup(String tenantId) {
        List<CreditRuleVersionEntity> stored = store.query(tenantId, this::storedVersions);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        CreditRuleVersionEntity latest = stored.get(stored.size() - 1);
        ZoneId zone = zone(tenantId);
        return Optional.of(new RuleSetup(latest.ruleId, enabledRules(tenantId).get(latest.ruleId),
                RuleSetup.versions(stored, zone), latest.handover));
    }

    ZoneId zone(String tenantId) {
        try {
            return data.forTenant(tenantId).tenant().timeZone();
        } catch (java.util.NoSuchElementException e) {
            return ZoneId.of("UTC");
        }
    }

    /** Computes accounts through the rule's plugin, in one gateway call for the whole batch. */
    List<AccountCredit> compute(String tenantId, RuleSetup setup, List<CreditInput> inputs) throws PluginCallFailed {
        CreditRule rule = setup.plugin().service();
        return gateway.call(setup.plugin().pluginId(), tenantId, "credit rule", () -> {
            List<AccountCredit> out = new ArrayList<>(inputs.size());
            for (CreditInput input : inputs) {
                AccountCredit credit = rule.credit(input);
                if (credit == null || !input.account().id().equals(credit.accountId())) {
                    throw new IllegalStateException("the rule answered for another account than "
                            + input.account().id());
                }
                out.add(credit);
            }
            return out;
        });
    }

    /**
     * Brings the tenant's stale accounts up to date. A read calls it with {@code wait = false}: it waits for an
     * update under way (so it sees its own writes), but while a recompute holds the ledger it answers from what is
     * stored instead of waiting for the whole replay.
     */
    public void drain(String tenantId, boolean wait) {
        ReentrantLock lock = lock(tenantId);
        if (!wait && recomputing.contains(tenantId)) {
            return;
        }
        lock.lock();
        try {
            drainLocked(tenantId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Credit of tenant " + tenantId + " could not be brought up to date; retrying"
                    + " later", e);
        } finally {
            lock.unlock();
        }
    }

    ReentrantLock lock(String tenantId) {
        return locks.computeIfAbsent(tenantId, t -> new ReentrantLock());
    }

    /** Runs {@code replay} holding the tenant's ledger; reads meanwhile answer from the stored ledger. */
    <T> T recomputing(String tenantId, java.util.concurrent.Callable<T> replay) throws Exception {
        ReentrantLock lock = lock(tenantId);
        recomputing.add(tenantId);
        try {
            lock.lockInterruptibly();
            try {
                return replay.call();
            } finally {
                lock.unlock();
            }
        } finally {
            recomputing.remove(tenantId);
        }
    }

    private void drainAll() {
        try {
            if (!store.isUp()) {
                return;
            }
            store.tenantIds().forEach(t -> drain(t, true));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Credit catch-up failed", e);
        }
    }

    private void drainLocked(String tenantId) {
        Optional<RuleSetup> setup = setup(tenantId);
        while (true) {
            List<Object[]> pending = store.query(tenantId, em -> em.createQuery(
                    "SELECT p.id, p.accountId, p.origin FROM CreditPendingEntity p ORDER BY p.id", Object[].class)
                    .setMaxResults(PENDING_BATCH).getResultList());
            if (pending.isEmpty()) {
                return;
            }
            if (setup.isEmpty()) {
                // Nothing credits without a rule version; posting the first version recomputes every account.
                store.transaction(tenantId, null, tx -> tx.em().createQuery("DELETE FROM CreditPendingEntity p WHERE"
                        + " p.id IN :ids").setParameter("ids", pending.stream().map(r -> r[0]).toList())
                        .executeUpdate());
                continue;
            }
            if (!setup.get().active()) {
                return; // the rule's plugin is disabled or gone: stay stale until it is back
            }
            Map<String, List<String>> byAccount = new LinkedHashMap<>();
            Map<String, String> origins = new HashMap<>();
            for (Object[] r : pending) {
                String account = (String) r[1];
                boolean first = !byAccount.containsKey(account);
                byAccount.computeIfAbsent(account, a -> new ArrayList<>()).add((String) r[0]);
                // the accounts whose every mark came from the same bulk write (an import) keep its origin
                if (first || java.util.Objects.equals(origins.get(account), r[2])) {
                    origins.put(account, (String) r[2]);
                } else {
                    origins.put(account, null);
                }
            }
            for (Map.Entry<String, List<String>> account : byAccount.entrySet()) {
                try {
                    update(tenantId, setup.get(), account.getKey(), account.getValue(),
                            origins.get(account.getKey()));
                } catch (PluginCallFailed e) {
                    LOG.log(Level.WARNING, e.getMessage(), e.getCause());
                    return;
                }
            }
        }
    }

    /**
     * Recomputes one account from its whole history and stores the result, with the green reaction if due.
     *
     * @param origin the origin of the writes that marked it, when they all share one (an import): the green event
     *               carries it, and team notifications skip it
     */
    private void update(String tenantId, RuleSetup setup, String accountId, List<String> pendingIds, String origin)
            throws PluginCallFailed {
        Optional<CreditInput> input = store.query(tenantId, em -> Inputs.of(em, accountId, setup.versions()));
        AccountCredit credit = input.isEmpty() ? null : compute(tenantId, setup, List.of(input.get())).get(0);
        store.transaction(tenantId, null, tx -> {
            tx.origin(origin);
            tx.em().createQuery("DELETE FROM CreditPendingEntity p WHERE p.id IN :ids")
                    .setParameter("ids", pendingIds).executeUpdate();
            Handover.Account account = Handover.Account.find(tx.em(), accountId);
            if (credit == null || account == null) {
                return null;
            }
            CreditAccountEntity state = tx.em().find(CreditAccountEntity.class, accountId);
            boolean turnedGreen = credit.bucket() == CreditBucket.GREEN
                    && (state == null || !CreditBucket.GREEN.name().equals(state.bucket));
            String ownerBefore = account.ownerId();
            state = LedgerStore.store(tx, setup.ruleId(), credit, state, false);
            if (turnedGreen) {
                Map<String, Object> props = new HashMap<>(Map.of(RevosEvents.OBJECT_TYPE, "ACCOUNT",
                        RevosEvents.OBJECT_ID, accountId, RevosEvents.ACCOUNT_ID, accountId,
                        RevosEvents.AT, credit.greenAt().toEpochMilli()));
                if (ownerBefore != null) {
                    props.put(RevosEvents.OWNER_ID, ownerBefore);
                }
                if (setup.handover()) {
                    Optional<String> am = Handover.handOver(tx, account);
                    if (am.isPresent()) {
                        state.handedOverFrom = ownerBefore;
                        props.put(RevosEvents.NEW_OWNER_ID, am.get());
                    }
                }
                tx.publish(RevosEvents.ACCOUNT_GREEN, props);
            }
            return null;
        });
    }
}
