package org.revos.leads.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.persistence.EntityManager;

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
import org.revos.api.event.RevosEvents;
import org.revos.api.leads.FilterContext;
import org.revos.api.leads.FilterVerdict;
import org.revos.api.leads.LeadFilter;
import org.revos.api.leads.LeadRouting;
import org.revos.api.leads.LeadScoring;
import org.revos.api.leads.Rep;
import org.revos.api.leads.RoutingChoice;
import org.revos.api.leads.RoutingContext;
import org.revos.api.leads.ScoreCard;
import org.revos.api.leads.ScoredLead;
import org.revos.api.leads.ScoringContext;
import org.revos.api.leads.Signal;
import org.revos.api.leads.SignUp;
import org.revos.api.model.ObjectType;
import org.revos.api.model.Tenant;
import org.revos.api.query.RevosData;
import org.revos.api.security.Caller;
import org.revos.api.spi.EnrichmentProvider;
import org.revos.api.spi.EnrichmentRequest;
import org.revos.api.spi.Firmographics;
import org.revos.kernel.spi.CommitListener;
import org.revos.kernel.spi.Contributions;
import org.revos.kernel.spi.Contributions.Contribution;
import org.revos.kernel.spi.Daemons;
import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.Ids;
import org.revos.kernel.spi.PluginCallFailed;
import org.revos.kernel.spi.PluginCalls;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.TenantStore;
import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.objects.ObjectCollections;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.kernel.spi.objects.StageMoves;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The intake pipeline. Each sign-up is enriched (the tenant's enrichment providers, through the plugin gateway,
 * before any transaction), then in one transaction of its own filtered, scored, stored as a lead through the
 * kernel's object engine (its rules, audit, write hooks and events apply), made MQL through the stage engine when its
 * score reaches the tenant's MQL score (the stage engine checks the tenant's criteria and records the move), routed,
 * and recorded with the reason for every decision. A tenant's sign-ups go through one at a time (a lock per tenant),
 * so two requests never give one rep's last free slot twice and round robin stays fair.
 * <p>
 * When a user's capacity drops to 0 (a rep who leaves or is deactivated; the kernel keeps no other flag), the open
 * leads intake routed to them are routed again among the others, after the user's write has committed.
 */
@Component(service = { LeadsEngine.class, EventHandler.class, CommitListener.class },
        property = EventConstants.EVENT_TOPIC + "=" + RevosEvents.OBJECT_UPDATED)
public final class LeadsEngine implements EventHandler, CommitListener {

    private static final Logger LOG = Logger.getLogger(LeadsEngine.class.getName());
    private static final Set<String> COUNTRIES = Set.of(java.util.Locale.getISOCountries());

    private final TenantStore store;
    private final PluginCalls plugins;
    private final ObjectCollections collections;
    private final RevosData data;
    private final Contributions<LeadFilter> filters;
    private final Contributions<LeadScoring> scorings;
    private final Contributions<LeadRouting> routings;
    private final Contributions<EnrichmentProvider> providers;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Map<String, Counted> counts = new ConcurrentHashMap<>();
    private final Map<String, IntakeSettings> settingsKept = new ConcurrentHashMap<>();
    private final Map<String, ExistingIndex> existingKept = new ConcurrentHashMap<>();
    /** Set while intake's own transaction runs, so the change feed tells its commits from others'. */
    private static final ThreadLocal<Boolean> OURS = new ThreadLocal<>();
    private static final Set<Object> LOAD_TYPES = Set.of("LEAD", "DEAL", "USER");
    /** How many sign-ups of a batch one transaction takes. */
    static final int CHUNK = 100;
    volatile int chunk = CHUNK;
    /** How many times rep loads were counted from the store (tests check the counts are kept, not recounted). */
    final java.util.concurrent.atomic.AtomicLong recounts = new java.util.concurrent.atomic.AtomicLong();
    private final ScheduledExecutorService worker = Daemons.scheduler("revos-leads");
    private volatile StageMoves stageMoves;

    @Activate
    public LeadsEngine(@Reference TenantStore store, @Reference PluginCalls plugins,
            @Reference ObjectCollections collections, @Reference RevosData data) {
        this.store = store;
        this.plugins = plugins;
        this.collections = collections;
        this.data = data;
        this.filters = new Contributions<>(plugins);
        this.scorings = new Contributions<>(plugins);
        this.routings = new Contributions<>(plugins);
        this.providers = new Contributions<>(plugins);
    }

    @Deactivate
    void stop() {
        worker.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setStageMoves(StageMoves moves) {
        this.stageMoves = moves;
    }

    void unsetStageMoves(StageMoves moves) {
        if (this.stageMoves == moves) {
            this.stageMoves = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addFilter(ServiceReference<LeadFilter> ref, LeadFilter filter) {
        filters.add(ref, filter);
    }

    void removeFilter(ServiceReference<LeadFilter> ref) {
        filters.remove(ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addScoring(ServiceReference<LeadScoring> ref, LeadScoring scoring) {
        scorings.add(ref, scoring);
    }

    void removeScoring(ServiceReference<LeadScoring> ref) {
        scorings.remove(ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addRouting(ServiceReference<LeadRouting> ref, LeadRouting routing) {
        routings.add(ref, routing);
    }

    void removeRouting(ServiceReference<LeadRouting> ref) {
        routings.remove(ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addProvider(ServiceReference<EnrichmentProvider> ref, EnrichmentProvider provider) {
        providers.add(ref, provider);
    }

    void removeProvider(ServiceReference<EnrichmentProvider> ref) {
        providers.remove(ref);
    }

    /** The strategies and settings one intake request runs with. */
    record Setup(Tenant tenant, IntakeSettings settings, List<Contribution<LeadFilter>> filters,
            Optional<Contribution<LeadScoring>> scoring, Optional<Contribution<LeadRouting>> routing,
            List<Contribution<EnrichmentProvider>> providers, ObjectSchema<?> leads, Set<String> customerDomains) {
    }

    /** One sign-up's answer: its intake record, or the problem that kept it out (a batch goes on). */
    record Result(ObjectNode record, Problem problem) {
    }

    // ------------------------------------------------------------------ settings

    /**
     * @return the tenant's settings, read once and kept: only {@link #saveSettings} writes them, and it replaces the
     *         kept ones after its commit. The same instance for every request also lets strategies keep what they
     *         read from their part (they see the same map).
     */
    IntakeSettings settings(String tenantId) {
        IntakeSettings kept = settingsKept.get(tenantId);
        if (kept != null) {
            return kept;
        }
        IntakeSettings read = store.query(tenantId, this::settings);
        settingsKept.putIfAbsent(tenantId, read);
        return read;
    }

    private IntakeSettings settings(EntityManager em) {
        List<LeadSettingsEntity> rows = em.createQuery("SELECT s FROM LeadSettingsEntity s ORDER BY s.id",
                LeadSettingsEntity.class).getResultList();
        if (rows.isEmpty()) {
            return IntakeSettings.DEFAULTS;
        }
        try {
            return IntakeSettings.parse(IntakeSettings.MAPPER.readTree(rows.get(0).settingsJson),
                    new org.revos.kernel.spi.Violations());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored lead intake settings do not parse", e);
        }
    }

    /**
     * @return per field (prefixed by the part's path: {@code filters.}, or {@code plugins.<id>.filters.} for a plugin's
     *         own part), what the strategies in use find wrong with the part each reads; and every plugin named under
     *         {@code plugins} that has no lead strategy enabled for the tenant
     */
    List<FieldError> validateParts(String tenantId, IntakeSettings s) {
        List<FieldError> out = new ArrayList<>();
        Set<String> strategies = new java.util.HashSet<>();
        for (Contribution<LeadFilter> f : filters.enabledFor(tenantId)) {
            strategies.add(f.pluginId());
            check(tenantId, f.pluginId(), s.partPath(f.pluginId(), "filters"), () -> f.service().validate(s.part(f
                    .pluginId(), "filters")), out);
        }
        for (Contribution<LeadScoring> c : scorings.enabledFor(tenantId)) {
            strategies.add(c.pluginId());
        }
        for (Contribution<LeadRouting> c : routings.enabledFor(tenantId)) {
            strategies.add(c.pluginId());
        }
        scorings.enabledFor(tenantId).stream().findFirst().ifPresent(c -> check(tenantId, c.pluginId(),
                s.partPath(c.pluginId(), "scoring"), () -> c.service().validate(s.part(c.pluginId(), "scoring")),
                out));
        routings.enabledFor(tenantId).stream().findFirst().ifPresent(c -> check(tenantId, c.pluginId(),
                s.partPath(c.pluginId(), "routing"), () -> c.service().validate(s.part(c.pluginId(), "routing")),
                out));
        for (String plugin : s.plugins().keySet()) {
            if (!strategies.contains(plugin)) {
                out.add(new FieldError("plugins." + plugin, "is not a plugin with lead strategies enabled for the"
                        + " tenant"));
            }
        }
        return out;
    }

    private void check(String tenantId, String pluginId, String part,
            java.util.concurrent.Callable<Map<String, String>> work, List<FieldError> out) {
        try {
            Map<String, String> problems = plugins.call(pluginId, tenantId, "lead intake settings check", work);
            if (problems != null) {
                problems.forEach((field, message) -> out.add(new FieldError(part + "." + field, message)));
            }
        } catch (PluginCallFailed e) {
            throw Problem.unprocessable("Lead strategy unavailable", "The " + part + " of plugin " + pluginId
                    + " could not check the settings: " + e.getMessage(), List.of());
        }
    }

    ObjectNode saveSettings(Caller caller, JsonNode body, IntakeSettings parsed) {
        ObjectNode rendered = parsed.render();
        String json = rendered.toString();
        ObjectNode saved = store.transaction(caller.tenantId(), caller, tx -> {
            List<LeadSettingsEntity> rows = tx.em().createQuery("SELECT s FROM LeadSettingsEntity s ORDER BY s.id",
                    LeadSettingsEntity.class).getResultList();
            ObjectNode before = null;
            LeadSettingsEntity row;
            if (rows.isEmpty()) {
                row = new LeadSettingsEntity();
                row.id = Ids.next("lset");
                row.createdAt = tx.now();
                row.settingsJson = json;
                row.updatedAt = tx.now();
                tx.em().persist(row);
            } else {
                row = rows.get(0);
                try {
                    before = (ObjectNode) IntakeSettings.MAPPER.readTree(row.settingsJson);
                } catch (java.io.IOException e) {
                    before = null;
                }
                row.settingsJson = json;
                row.updatedAt = tx.now();
            }
            tx.audit("leads.settings", "LEAD_SETTINGS", row.id, before, rendered);
            settingsKept.remove(caller.tenantId());
            return rendered;
        });
        // put after the commit, over whatever a reader kept meanwhile from before it
        settingsKept.put(caller.tenantId(), parsed);
        return saved;
    }

    // ------------------------------------------------------------------ intake

    /**
     * Runs sign-ups through the pipeline in order, in transactions of up to {@link #chunk} sign-ups each. When the
     * kernel refuses one sign-up's lead (a {@link Problem}), that transaction is rolled back, the rep counts it booked
     * are put back, and its sign-ups are taken again one per transaction: the refused one answers its problem, the
     * others are stored. So each sign-up's outcome is exactly what taking them one at a time would give; only the
     * number of commits differs.
     *
     * @param stopAtProblem whether a sign-up the kernel refuses ends the run with its problem (a single sign-up)
     * @param done          told how many sign-ups are finished after each transaction (a job's progress)
     * @param stop          asked before each transaction whether to end early (a stopping runtime); the answer then
     *                      holds the sign-ups taken so far
     */
    List<Result> intake(Caller caller, List<SignUpInput> signUps, boolean stopAtProblem, IntConsumer done,
            java.util.function.BooleanSupplier stop) {
        String tenantId = caller.tenantId();
        synchronized (locks.computeIfAbsent(tenantId, t -> new Object())) {
            Setup setup = setup(tenantId);
            Reps reps = reps(tenantId, setup.settings());
            ExistingIndex existing = existing(tenantId);
            List<Result> out = new ArrayList<>(signUps.size());
            int size = Math.max(1, chunk);
            for (int from = 0; from < signUps.size() && !stop.getAsBoolean(); from += size) {
                List<SignUpInput> part = signUps.subList(from, Math.min(signUps.size(), from + size));
                List<Enriched> enriched = new ArrayList<>(part.size());
                part.forEach(s -> enriched.add(enrich(tenantId, setup, s)));
                if (enriched.size() > 1) {
                    Reps.Mark mark = reps.mark();
                    try {
                        List<Decided> decided = ours(() -> store.transaction(tenantId, caller, tx -> {
                            existing.drain(tx.em());
                            Known known = new Known(tx.em(), setup.settings().freeMailDomains());
                            List<Decided> ds = new ArrayList<>(enriched.size());
                            for (Enriched e : enriched) {
                                ds.add(decide(tx, setup, reps, known, existing, e));
                            }
                            return ds;
                        }));
                        decided.forEach(d -> {
                            out.add(new Result(d.record(), null));
                            added(existing, d);
                        });
                        done.accept(out.size());
                        continue;
                    } catch (Problem p) {
                        reps.reset(mark);
                        // taken again one at a time below: the refused sign-up answers alone
                    } catch (RuntimeException e) {
                        reps.reset(mark);
                        throw e;
                    }
                }
                for (Enriched e : enriched) {
                    Reps.Mark mark = reps.mark();
                    try {
                        Decided d = ours(() -> store.transaction(tenantId, caller, tx -> {
                            existing.drain(tx.em());
                            Known known = new Known(tx.em(), setup.settings().freeMailDomains());
                            return decide(tx, setup, reps, known, existing, e);
                        }));
                        out.add(new Result(d.record(), null));
                        added(existing, d);
                    } catch (Problem p) {
                        reps.reset(mark);
                        if (stopAtProblem) {
                            throw p;
                        }
                        out.add(new Result(null, p));
                    } catch (RuntimeException x) {
                        reps.reset(mark);
                        throw x;
                    }
                }
                done.accept(out.size());
            }
            return out;
        }
    }

    List<Result> intake(Caller caller, List<SignUpInput> signUps, boolean stopAtProblem) {
        return intake(caller, signUps, stopAtProblem, n -> { }, () -> false);
    }

    private static void added(ExistingIndex existing, Decided d) {
        JsonNode lead = d.record().get("leadId");
        if (lead != null && lead.isTextual()) {
            existing.added(lead.asText(), d.record().get("email").asText());
        }
    }

    /**
     * The tenant's index of leads, contacts and accounts by e-mail and domain, read whole when there is none or it
     * lost the change feed's thread. Must be called under the tenant's lock.
     */
    ExistingIndex existing(String tenantId) {
        long now = store.commits(tenantId);
        ExistingIndex kept = existingKept.get(tenantId);
        if (kept != null && kept.validThrough == now && !kept.overflowing()) {
            return kept;
        }
        // registered before it is read, so that writes committed during the read are read again, not missed
        ExistingIndex fresh = new ExistingIndex(now);
        existingKept.put(tenantId, fresh);
        store.query(tenantId, em -> {
            fresh.load(em);
            return null;
        });
        return fresh;
    }

    /** Runs one of intake's own transactions, so the change feed knows its commit as intake's (see committed). */
    private <T> T ours(java.util.function.Supplier<T> work) {
        OURS.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            OURS.remove();
        }
    }

    // ------------------------------------------------------------------ rep counts kept across requests

    /**
     * The tenant's rep counts, counted again only when a write that intake did not make may have changed a load:
     * a lead, deal or user created, changed or deleted, a stage moved. Must be called under the tenant's lock.
     */
    Reps reps(String tenantId, IntakeSettings settings) {
        long now = store.commits(tenantId);
        Counted counted = counts.get(tenantId);
        if (counted != null && counted.validThrough == now && counted.settings.equals(settings)) {
            return counted.reps;
        }
        // the counter is read before the count, so the count holds every write numbered up to it (or more)
        Reps reps = store.query(tenantId, em -> Reps.load(em, settings));
        recounts.incrementAndGet();
        counts.put(tenantId, new Counted(reps, settings, now));
        return reps;
    }

    /** One tenant's counts and the last commit they are known to hold. */
    private static final class Counted {
        final Reps reps;
        final IntakeSettings settings;
        volatile long validThrough;

        Counted(Reps reps, IntakeSettings settings, long validThrough) {
            this.reps = reps;
            this.settings = settings;
            this.validThrough = validThrough;
        }
    }

    /**
     * The kernel's change feed: a commit of intake's own (its counts booked already) or one that touches no lead,
     * deal or user keeps the tenant's counts current; any other, or a gap in the numbers, drops them, and the next
     * request counts again. Every kernel write of a lead, deal or user publishes an object event, so none goes unseen.
     */
    @Override
    public void committed(String tenantId, long commit, List<Map.Entry<String, Map<String, Object>>> events) {
        ExistingIndex index = existingKept.get(tenantId);
        if (index != null) {
            // intake's own leads are added as its transactions return (see added)
            if (index.validThrough == commit - 1 && (OURS.get() != null || index.touched(events))) {
                index.validThrough = commit;
            } else {
                existingKept.remove(tenantId, index);
            }
        }
        Counted counted = counts.get(tenantId);
        if (counted == null) {
            return;
        }
        if (counted.validThrough == commit - 1 && (OURS.get() != null || !touchesLoad(events))) {
            counted.validThrough = commit;
        } else {
            counts.remove(tenantId, counted);
        }
    }

    static boolean touchesLoad(List<Map.Entry<String, Map<String, Object>>> events) {
        for (Map.Entry<String, Map<String, Object>> e : events) {
            String topic = e.getKey();
            Object type = e.getValue() == null ? null : e.getValue().get(RevosEvents.OBJECT_TYPE);
            if (topic.equals(RevosEvents.STAGE_CHANGED) || topic.equals(RevosEvents.DEAL_WON)) {
                return true;
            }
            if (topic.startsWith("org/revos/object/") && (type == null || LOAD_TYPES.contains(type))) {
                return true;
            }
        }
        return false;
    }

    /** Drops the tenant's counts (its settings changed, or a test wants a recount). */
    void forget(String tenantId) {
        counts.remove(tenantId);
    }

    Setup setup(String tenantId) {
        IntakeSettings settings = settings(tenantId);
        Set<String> customers = store.query(tenantId, em -> Set.copyOf(em.createQuery("SELECT DISTINCT a.domain FROM"
                + " AccountEntity a WHERE a.arrCents > 0 AND a.domain IS NOT NULL", String.class).getResultList()));
        Tenant tenant = data.forTenant(tenantId).tenant();
        return new Setup(tenant, settings, filters.enabledFor(tenantId),
                scorings.enabledFor(tenantId).stream().findFirst(), routings.enabledFor(tenantId).stream().findFirst(),
                providers.enabledFor(tenantId), collections.schema(ObjectType.LEAD).orElseThrow(), customers);
    }

    /** A sign-up after enrichment, and which provider filled which field. */
    record Enriched(SignUpInput signUp, Map<String, String> filled, List<String> failures) {
    }

    /**
     * Asks the tenant's enrichment providers (highest ranking first; the first answer for a field wins) for the
     * firmographics the sign-up lacks. A free mail domain is not asked about: it says nothing of the company.
     */
    Enriched enrich(String tenantId, Setup setup, SignUpInput s) {
        List<String> missing = new ArrayList<>();
        if (s.company() == null) {
            missing.add("company");
        }
        if (s.country() == null) {
            missing.add("country");
        }
        if (s.employees() == null) {
            missing.add("employees");
        }
        if (missing.isEmpty() || setup.providers().isEmpty() || setup.settings().freeMailDomains()
                .contains(s.domain())) {
            return new Enriched(s, Map.of(), List.of());
        }
        EnrichmentRequest request = new EnrichmentRequest(ObjectType.LEAD, "signup:" + s.email(), s.domain(),
                s.company(), Set.copyOf(missing));
        String company = s.company();
        String country = s.country();
        Integer employees = s.employees();
        String title = s.title();
        Map<String, String> filled = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (Contribution<EnrichmentProvider> p : setup.providers()) {
            try {
                Optional<Firmographics> found = plugins.call(p.pluginId(), tenantId, "enrichment of a sign-up from "
                        + s.domain(), () -> p.service().enrich(setup.tenant(), request));
                if (found == null || found.isEmpty()) {
                    continue;
                }
                Firmographics f = found.get();
                if (company == null && f.company() != null && !f.company().isBlank() && f.company().length() <= 200) {
                    company = f.company();
                    filled.put("company", p.pluginId());
                }
                if (country == null && f.country() != null && COUNTRIES.contains(f.country())) {
                    country = f.country();
                    filled.put("country", p.pluginId());
                }
                if (employees == null && f.employees() != null && f.employees() >= 0
                        && f.employees() <= 10_000_000) {
                    employees = f.employees();
                    filled.put("employees", p.pluginId());
                }
                if (title == null && f.title() != null && !f.title().isBlank() && f.title().length() <= 200) {
                    title = f.title();
                    filled.put("title", p.pluginId());
                }
            } catch (PluginCallFailed e) {
                failures.add(e.getMessage());
                LOG.log(Level.FINE, e.getMessage(), e.getCause());
            }
        }
        return new Enriched(s.with(company, country, employees, title), filled, failures);
    }

    /** What a sign-up's transaction decided: its record, and the rep it went to with the round-robin ordinal. */
    record Decided(ObjectNode record, String ownerId, long ordinal) {
    }

    private Decided decide(TenantTransaction tx, Setup setup, Reps reps, Known known, ExistingIndex existing,
            Enriched enriched) {
        SignUpInput s = enriched.signUp();
        EntityManager em = tx.em();
        IntakeSettings settings = setup.settings();
        String tenantId = tx.tenantId();
        LeadIntakeEntity r = new LeadIntakeEntity();
        r.id = Ids.next("lin");
        r.createdAt = tx.now();
        r.updatedAt = tx.now();
        r.email = s.email();
        r.domain = s.domain();
        r.receivedAt = s.receivedAt().toEpochMilli();
        r.enrichedJson = enriched.filled().isEmpty() ? null : IntakeSettings.MAPPER.valueToTree(enriched.filled())
                .toString();
        r.fitWeight = settings.fitWeight();
        r.engagementWeight = settings.engagementWeight();
        r.signalsJson = s.signals().isEmpty() ? null : SignUpInput.signalsJson(s.signals());

        // 1. filters
        FilterVerdict verdict = FilterVerdict.pass();
        org.revos.api.leads.ExistingObject[] matched = new org.revos.api.leads.ExistingObject[1];
        for (Contribution<LeadFilter> f : setup.filters()) {
            matched[0] = null;
            FilterContext filterContext = new Contexts.Filters(setup.tenant(), settings.part(f.pluginId(), "filters"),
                    settings.freeMailDomains(), setup.customerDomains(), known, existing, matched);
            try {
                FilterVerdict v = plugins.call(f.pluginId(), tenantId, "lead filter", () -> f.service().check(s,
                        filterContext));
                if (v != null && !v.passed()) {
                    verdict = v;
                    r.filterPlugin = f.pluginId();
                    break;
                }
            } catch (PluginCallFailed e) {
                verdict = FilterVerdict.divert("review", "filter-failed", cut(e.getMessage(), 900));
                r.filterPlugin = f.pluginId();
                break;
            }
        }
        r.filterRule = cut(verdict.rule(), 60);
        r.filterReason = verdict.reason() == null ? null : cut(verdict.reason(), 1000);
        boolean duplicate = !verdict.passed() && r.filterRule.startsWith("duplicate");
        if (duplicate) {
            // a sign-up intake saw before names its first lead; one matching another object names that object
            boolean seen = r.filterRule.equals("duplicate-email") || r.filterRule.equals("duplicate-domain");
            r.duplicateOf = seen || matched[0] == null ? known.firstLead(s.email(), s.domain()) : matched[0].id();
        }

        // 2. score (passed only)
        ScoreCard card = null;
        if (verdict.passed()) {
            card = score(tenantId, setup, s, r, Instant.ofEpochMilli(Math.max(r.createdAt, r.receivedAt)),
                    List.of());
            r.scoredAt = r.createdAt;
            r.fit = card.fit();
            r.engagement = card.engagement();
            r.score = combined(card, settings);
            r.explanationJson = explanation(card).toString();
        }

        // 3. route (passed only)
        String ownerId = null;
        long ordinal = 0;
        if (verdict.passed()) {
            RoutingChoice choice = route(tenantId, setup, reps, s, r.score, card, r);
            Reps.State rep = reps.get(choice.repId());
            if (choice.repId() != null && (rep == null || rep.free() <= 0)) {
                choice = RoutingChoice.toQueue("unassigned", "over-capacity", "the routing chose " + choice.repId()
                        + (rep == null ? ", who is not a user of the tenant" : ", who has no free capacity"));
            }
            r.routingRule = cut(choice.rule(), 60);
            r.routingReason = cut(choice.reason(), 1000);
            if (choice.repId() != null) {
                ownerId = choice.repId();
                ordinal = reps.nextSeq();
                r.outcome = "ROUTED";
            } else {
                r.outcome = "QUEUED";
                r.lane = cut(choice.queue(), 60);
            }
        } else {
            r.outcome = "DIVERTED";
            r.lane = cut(verdict.fallback(), 60);
        }
        r.ownerId = ownerId;

        // 4. the lead, through the kernel's object engine
        String stage = null;
        if (!duplicate) {
            ObjectNode fields = s.leadFields();
            if (r.score != null) {
                fields.put("score", r.score);
            }
            if (ownerId != null) {
                fields.put("ownerId", ownerId);
            }
            ObjectNode lead = collections.create(tx, setup.leads(), fields);
            r.leadId = lead.path("id").asText();
            stage = lead.path("stage").isTextual() ? lead.path("stage").asText() : null;
        }

        // 5. MQL, through the stage engine
        if (r.leadId != null) {
            String moved = mql(tx, setup, r);
            if (moved != null) {
                stage = moved;
            }
        } else {
            r.mqlReason = "a duplicate makes no new lead";
        }
        known.add(r.email, r.domain, r.leadId);
        if (ownerId != null) {
            reps.book(ownerId, ordinal, Reps.openStage(settings, stage));
        }

        em.persist(r);
        if (ownerId != null) {
            LeadRepEntity state = em.find(LeadRepEntity.class, ownerId);
            if (state == null) {
                state = new LeadRepEntity();
                state.id = ownerId;
                state.createdAt = tx.now();
                state.lastRouted = ordinal;
                state.updatedAt = tx.now();
                em.persist(state);
            } else {
                state.lastRouted = ordinal;
                state.updatedAt = tx.now();
            }
        }
        if (r.leadId != null) {
            tx.publish(RevosEvents.LEAD_ROUTED, routedEvent(r));
            if (r.mql) {
                Map<String, Object> mql = new HashMap<>();
                mql.put(RevosEvents.OBJECT_TYPE, "LEAD");
                mql.put(RevosEvents.OBJECT_ID, r.leadId);
                mql.put(RevosEvents.SCORE, r.score);
                if (r.ownerId != null) {
                    mql.put(RevosEvents.OWNER_ID, r.ownerId);
                }
                tx.publish(RevosEvents.LEAD_MQL, mql);
            }
        }
        return new Decided(Records.render(r), ownerId, ordinal);
    }

    private static Map<String, Object> routedEvent(LeadIntakeEntity r) {
        Map<String, Object> e = new HashMap<>();
        e.put(RevosEvents.OBJECT_TYPE, "LEAD");
        e.put(RevosEvents.OBJECT_ID, r.leadId);
        e.put(RevosEvents.OUTCOME, r.outcome);
        if (r.ownerId != null) {
            e.put(RevosEvents.OWNER_ID, r.ownerId);
        }
        if (r.lane != null) {
            e.put(RevosEvents.LANE, r.lane);
        }
        if (r.score != null) {
            e.put(RevosEvents.SCORE, r.score);
        }
        return e;
    }

    private ScoreCard score(String tenantId, Setup setup, SignUp s, LeadIntakeEntity r, Instant now,
            List<Signal> activities) {
        Optional<Contribution<LeadScoring>> scoring = setup.scoring();
        if (scoring.isEmpty()) {
            return ScoreCard.builder().fit("no-scoring", 0, "no lead scoring plugin is enabled for the tenant")
                    .build();
        }
        r.scoringPlugin = scoring.get().pluginId();
        ScoringContext context = new Contexts.Scoring(setup.tenant(), setup.settings().part(scoring.get()
                .pluginId(), "scoring"), now, activities);
        try {
            ScoreCard card = plugins.call(scoring.get().pluginId(), tenantId, "lead scoring", () -> scoring.get()
                    .service().score(s, context));
            return card != null ? card : ScoreCard.builder().fit("scoring-failed", 0, "the scoring gave no score")
                    .build();
        } catch (PluginCallFailed e) {
            return ScoreCard.builder().fit("scoring-failed", 0, cut(e.getMessage(), 900)).build();
        }
    }

    static int combined(ScoreCard card, IntakeSettings settings) {
        return (int) Math.round((card.fit() * settings.fitWeight() + card.engagement() * settings.engagementWeight())
                / 100.0);
    }

    private RoutingChoice route(String tenantId, Setup setup, Reps reps, SignUp s, int score, ScoreCard card,
            LeadIntakeEntity r) {
        Optional<Contribution<LeadRouting>> routing = setup.routing();
        if (routing.isEmpty()) {
            return RoutingChoice.toQueue("unassigned", "no-routing", "no lead routing plugin is enabled for the"
                    + " tenant");
        }
        r.routingPlugin = routing.get().pluginId();
        List<Rep> snapshot = reps.snapshot();
        RoutingContext context = new Contexts.Routing(setup.tenant(), setup.settings().part(routing.get()
                .pluginId(), "routing"), snapshot);
        ScoredLead lead = new Contexts.Scored(s, score, card);
        try {
            RoutingChoice choice = plugins.call(routing.get().pluginId(), tenantId, "lead routing", () -> routing
                    .get().service().route(lead, context));
            return choice != null ? choice : RoutingChoice.toQueue("unassigned", "routing-failed", "the routing gave"
                    + " no answer");
        } catch (PluginCallFailed e) {
            return RoutingChoice.toQueue("unassigned", "routing-failed", e.getMessage());
        }
    }

    /** @return the lead's stage after a move to MQL (as the stage engine answers it), {@code null} without a move */
    private String mql(TenantTransaction tx, Setup setup, LeadIntakeEntity r) {
        IntakeSettings settings = setup.settings();
        if (!"ROUTED".equals(r.outcome) && !"QUEUED".equals(r.outcome)) {
            r.mqlReason = "diverted to " + r.lane + " by the filters";
            return null;
        }
        if (!settings.mql()) {
            r.mqlReason = "the tenant's intake does not make leads MQL (setting mql is false)";
            return null;
        }
        if (r.score < settings.mqlScore()) {
            r.mqlReason = "the score " + r.score + " is below the MQL score " + settings.mqlScore();
            return null;
        }
        StageMoves moves = stageMoves;
        if (moves == null) {
            r.mqlReason = "no stage engine is available to move the lead";
            return null;
        }
        try {
            ObjectNode after = moves.move(tx, ObjectType.LEAD, r.leadId, JsonNodeFactory.instance.objectNode()
                    .put("toStage", "MQL"));
            r.mql = true;
            r.mqlReason = "the score " + r.score + " reaches the MQL score " + settings.mqlScore()
                    + " and the stage engine accepted the tenant's MQL criteria";
            return after != null && after.path("stage").isTextual() ? after.get("stage").asText() : null;
        } catch (Problem p) {
            StringBuilder why = new StringBuilder("the stage engine refused MQL: ").append(p.getMessage());
            p.errors().forEach(e -> why.append("; ").append(e.field()).append(": ").append(e.message()));
            r.mqlReason = cut(why.toString(), 2000);
            return null;
        }
    }

    static com.fasterxml.jackson.databind.node.ArrayNode explanation(ScoreCard card) {
        var out = JsonNodeFactory.instance.arrayNode();
        for (ScoreCard.Line l : card.lines()) {
            out.addObject().put("part", l.part().name()).put("rule", cut(l.rule(), 100))
                    .put("points", Math.round(l.points() * 100) / 100.0).put("reason", cut(l.reason(), 500));
        }
        return out;
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    // ------------------------------------------------------------------ signals posted later

    /**
     * Re-scores a lead intake took, with signals posted since (product usage, engagement, growth): the lead's
     * signals so far and these, each decayed by its age now, and the activities recorded on the lead, through the
     * tenant's scoring, with the weights in force now. The record keeps the new score, its explanation and when it was
     * computed; the lead's {@code score} field follows. A lead that passed the filters, is not MQL yet and is still
     * in no stage or {@code RAW} is asked to become MQL through the stage engine, as at intake. Under the tenant's
     * intake lock, in one transaction.
     *
     * @return the lead's intake record afterwards
     */
    ObjectNode signals(Caller caller, String leadId, List<Signal> posted) {
        String tenantId = caller.tenantId();
        synchronized (locks.computeIfAbsent(tenantId, t -> new Object())) {
            Setup setup = setup(tenantId);
            return store.transaction(tenantId, caller, tx -> {
                EntityManager em = tx.em();
                List<LeadIntakeEntity> records = em.createQuery("SELECT r FROM LeadIntakeEntity r WHERE r.leadId"
                        + " = :lead ORDER BY r.id", LeadIntakeEntity.class).setParameter("lead", leadId)
                        .setMaxResults(1).getResultList();
                ObjectNode lead;
                try {
                    lead = collections.read(tx, setup.leads(), leadId);
                } catch (Problem p) {
                    lead = null;
                }
                if (lead == null || lead.isEmpty()) {
                    throw Problem.notFound("lead", leadId);
                }
                if (records.isEmpty()) {
                    throw new Problem(409, "not-from-intake", "Not a lead from intake", "Lead " + leadId + " was"
                            + " not taken in by lead intake, so it has no intake score to re-score; signals are"
                            + " taken for leads posted to /api/v1/leads/intake", List.of());
                }
                LeadIntakeEntity r = records.get(0);
                List<Signal> signals = new ArrayList<>(SignUpInput.signals(r.signalsJson));
                signals.addAll(posted);
                signals.sort(java.util.Comparator.comparing(Signal::at));
                if (signals.size() > SignUpInput.MAX_KEPT) {
                    signals = new ArrayList<>(signals.subList(signals.size() - SignUpInput.MAX_KEPT, signals
                            .size()));
                }
                List<Signal> activities = new ArrayList<>();
                for (Object[] a : em.createQuery("SELECT a.type, a.occurredAt FROM ActivityEntity a WHERE a.leadId"
                        + " = :lead", Object[].class).setParameter("lead", leadId).getResultList()) {
                    if (a[0] != null) {
                        activities.add(new SignUpInput.SignalInput(((String) a[0]).toUpperCase(java.util.Locale
                                .ROOT), 1, Instant.ofEpochMilli(((Number) a[1]).longValue())));
                    }
                }
                SignUpInput s = new SignUpInput(text(lead, "email", r.email), r.domain, text(lead, "name", null),
                        text(lead, "company", null), text(lead, "country", null), lead.path("employees")
                                .isIntegralNumber() ? lead.get("employees").asInt() : null, text(lead, "title", null),
                        text(lead, "source", null), List.copyOf(signals), Instant.ofEpochMilli(r.receivedAt));
                Integer before = r.score;
                ScoreCard card = score(tenantId, setup, s, r, Instant.ofEpochMilli(tx.now()), activities);
                IntakeSettings settings = setup.settings();
                r.fit = card.fit();
                r.engagement = card.engagement();
                r.fitWeight = settings.fitWeight();
                r.engagementWeight = settings.engagementWeight();
                r.score = combined(card, settings);
                r.explanationJson = explanation(card).toString();
                r.signalsJson = SignUpInput.signalsJson(signals);
                r.scoredAt = tx.now();
                r.updatedAt = tx.now();
                collections.derive(tx, setup.leads(), leadId, JsonNodeFactory.instance.objectNode().put("score",
                        r.score));
                String stage = text(lead, "stage", null);
                boolean became = false;
                if (!r.mql && (stage == null || "RAW".equals(stage))) {
                    mql(tx, setup, r);
                    became = r.mql;
                }
                ObjectNode was = JsonNodeFactory.instance.objectNode().put("score", before);
                ObjectNode now = JsonNodeFactory.instance.objectNode().put("score", r.score).put("signals", posted
                        .size()).put("mql", r.mql);
                tx.audit("lead.rescore", "LEAD", leadId, was, now);
                tx.publish(RevosEvents.OBJECT_UPDATED, Map.of(RevosEvents.OBJECT_TYPE, "LEAD", RevosEvents.OBJECT_ID,
                        leadId));
                if (became) {
                    Map<String, Object> mql = new HashMap<>();
                    mql.put(RevosEvents.OBJECT_TYPE, "LEAD");
                    mql.put(RevosEvents.OBJECT_ID, leadId);
                    mql.put(RevosEvents.SCORE, r.score);
                    if (r.ownerId != null) {
                        mql.put(RevosEvents.OWNER_ID, r.ownerId);
                    }
                    tx.publish(RevosEvents.LEAD_MQL, mql);
                }
                return Records.render(r);
            });
        }
    }

    private static String text(ObjectNode object, String field, String fallback) {
        JsonNode v = object.get(field);
        return v != null && v.isTextual() ? v.asText() : fallback;
    }

    // ------------------------------------------------------------------ reassignment

    @Override
    public void handleEvent(Event event) {
        if ("USER".equals(event.getProperty(RevosEvents.OBJECT_TYPE))
                && event.getProperty(RevosEvents.TENANT) instanceof String tenantId
                && event.getProperty(RevosEvents.OBJECT_ID) instanceof String userId) {
            worker.execute(() -> {
                try {
                    reassign(tenantId, userId);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Reassigning the leads of user " + userId + " of tenant " + tenantId
                            + " failed", e);
                }
            });
        }
    }

    /**
     * Routes again the open leads intake gave a user who can take none any more (capacity 0 or none), among the
     * others; what nobody can take goes to the queue.
     *
     * @return how many leads were reassigned
     */
    int reassign(String tenantId, String userId) {
        synchronized (locks.computeIfAbsent(tenantId, t -> new Object())) {
            Setup setup = setup(tenantId);
            List<Object[]> open = store.query(tenantId, em -> {
                List<Number> capacity = em.createQuery("SELECT u.capacity FROM UserEntity u WHERE u.id = :id",
                        Number.class).setParameter("id", userId).getResultList();
                if (capacity.isEmpty() || (capacity.get(0) != null && capacity.get(0).intValue() > 0)) {
                    return List.of();
                }
                var query = em.createQuery("SELECT r.id, l.email, l.company, l.country, l.employees, l.title,"
                        + " l.source FROM LeadIntakeEntity r, LeadEntity l WHERE r.leadId = l.id AND r.ownerId = :u"
                        + " AND l.ownerId = :u AND " + Reps.openLead(setup.settings(), "l") + " ORDER BY r.id",
                        Object[].class).setParameter("u", userId);
                if (!setup.settings().openLeadStages().isEmpty()) {
                    query.setParameter("open", List.copyOf(setup.settings().openLeadStages()));
                }
                return query.getResultList();
            });
            if (open.isEmpty()) {
                return 0;
            }
            Reps reps = store.query(tenantId, em -> Reps.load(em, setup.settings()));
            int moved = 0;
            for (Object[] row : open) {
                String recordId = (String) row[0];
                Decided d = store.transaction(tenantId, null, tx -> reroute(tx, setup, reps, recordId, userId, row));
                if (d != null) {
                    moved++;
                    if (d.ownerId() != null) {
                        reps.book(d.ownerId(), d.ordinal(), true);
                    }
                }
            }
            return moved;
        }
    }

    private Decided reroute(TenantTransaction tx, Setup setup, Reps reps, String recordId, String userId,
            Object[] lead) {
        LeadIntakeEntity r = tx.em().find(LeadIntakeEntity.class, recordId);
        if (r == null || !userId.equals(r.ownerId)) {
            return null;
        }
        String email = (String) lead[1];
        SignUpInput s = new SignUpInput(email == null ? r.email : email, r.domain, null, (String) lead[2],
                (String) lead[3], lead[4] == null ? null : ((Number) lead[4]).intValue(), (String) lead[5],
                (String) lead[6], List.<Signal>of(), Instant.ofEpochMilli(r.receivedAt));
        ScoreCard card = ScoreCard.builder().fit("stored", r.fit, "as scored at intake")
                .engagement("stored", r.engagement, "as scored at intake").build();
        RoutingChoice choice = route(tx.tenantId(), setup, reps, s, r.score == null ? 0 : r.score, card, r);
        Reps.State rep = reps.get(choice.repId());
        if (choice.repId() != null && (rep == null || rep.free() <= 0 || rep.id().equals(userId))) {
            choice = RoutingChoice.toQueue("unassigned", "over-capacity", "the routing chose " + choice.repId()
                    + ", who has no free capacity");
        }
        String previous = r.ownerId;
        long ordinal = 0;
        r.ownerId = choice.repId();
        if (choice.repId() != null) {
            ordinal = reps.nextSeq();
            r.outcome = "ROUTED";
            r.lane = null;
        } else {
            r.outcome = "QUEUED";
            r.lane = cut(choice.queue(), 60);
        }
        r.routingRule = cut("reassigned:" + choice.rule(), 60);
        r.routingReason = cut("was " + previous + "'s, who has no capacity any more; " + choice.reason(), 1000);
        r.updatedAt = tx.now();
        tx.em().createQuery("UPDATE LeadEntity l SET l.ownerId = :owner, l.updatedAt = :now, l.version = l.version"
                + " + 1 WHERE l.id = :id").setParameter("owner", r.ownerId).setParameter("now", tx.now())
                .setParameter("id", r.leadId).executeUpdate();
        ObjectNode before = JsonNodeFactory.instance.objectNode().put("ownerId", previous);
        ObjectNode after = JsonNodeFactory.instance.objectNode().put("ownerId", r.ownerId).put("reason",
                r.routingReason);
        tx.audit("lead.reassign", "LEAD", r.leadId, before, after);
        tx.publish(RevosEvents.OBJECT_UPDATED, Map.of(RevosEvents.OBJECT_TYPE, "LEAD", RevosEvents.OBJECT_ID,
                r.leadId));
        tx.publish(RevosEvents.LEAD_ROUTED, routedEvent(r));
        if (r.ownerId != null) {
            LeadRepEntity state = tx.em().find(LeadRepEntity.class, r.ownerId);
            if (state == null) {
                state = new LeadRepEntity();
                state.id = r.ownerId;
                state.createdAt = tx.now();
                tx.em().persist(state);
            }
            state.lastRouted = ordinal;
            state.updatedAt = tx.now();
        }
        return new Decided(Records.render(r), r.ownerId, ordinal);
    }
}
