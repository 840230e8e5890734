package org.revos.runtime.internal.persistence;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.revos.api.security.Caller;
import org.revos.kernel.spi.CommitListener;
import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.Problem;
import org.revos.runtime.internal.settings.RuntimeSettings;
import org.revos.runtime.internal.settings.Settings;

/**
 * Transactions over the database. Reads and writes are scoped to one tenant; a write commits its audit entries with
 * its changes and posts its events only after the commit.
 * <p>
 * The database is opened on its own thread when the component activates, so the HTTP server and the REST runtime
 * start in parallel with it; a request that arrives before it is open waits for it (up to {@link #OPEN_BOUND_SECONDS}),
 * and {@link #status()} tells health checks where it stands.
 */
@Component(service = Store.class)
public final class Store {

    /** The pseudo-tenant whose audit log records platform operations (plugin installs and the like). */
    public static final String PLATFORM = "_platform";

    /** Receives events after commit. */
    @FunctionalInterface
    public interface EventSink {
        void post(String topic, Map<String, Object> properties);
    }

    private static final Logger LOG = Logger.getLogger(Store.class.getName());

    /** How long a request waits for the database while the runtime starts. */
    static final long OPEN_BOUND_SECONDS = 60;

    private final CompletableFuture<Database> db;
    private final EventSink events;
    private final Map<String, AtomicLong> commits = new ConcurrentHashMap<>();
    private final TenantSeals seals = new TenantSeals();
    private final List<CommitListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, Contribution> contributions = new LinkedHashMap<>();
    /** The instant of each write transaction, epoch milliseconds: the system clock, except in tests. */
    private final LongSupplier clock;

    @Activate
    public Store(@Reference EventAdmin eventAdmin, @Reference Settings settings) {
        this(new CompletableFuture<>(), (topic, props) -> eventAdmin.postEvent(new Event(topic, props)));
        openInBackground(settings.current());
    }

    /** A store outside the framework (tools, tests); a factory for the reason {@code OutboundUrls.allowing} says. */
    public static Store over(Database db, EventSink events) {
        return new Store(db, events, System::currentTimeMillis);
    }

    /**
     * A store whose write transactions happen at the instants {@code clock} tells, so that tests can write histories
     * (stage transitions, team memberships, creation instants) that lie in the past.
     */
    public Store(Database db, EventSink events, LongSupplier clock) {
        this(CompletableFuture.completedFuture(db), events, clock);
    }

    private Store(CompletableFuture<Database> db, EventSink events) {
        this(db, events, System::currentTimeMillis);
    }

    private Store(CompletableFuture<Database> db, EventSink events, LongSupplier clock) {
        this.db = db;
        this.events = events;
        this.clock = clock;
    }

    private void openInBackground(RuntimeSettings settings) {
        Thread opener = new Thread(() -> {
            Thread.currentThread().setContextClassLoader(Database.class.getClassLoader());
            try {
                // The engines contributed by now (a start's batch of stored plugins, when it came first) are in the
                // first unit. The unit is built outside the lock: contributions that arrive meanwhile are recorded
                // at once (the plugins go on starting in parallel with the opening) and join in one more build.
                List<Class<?>> known;
                synchronized (this) {
                    known = wanted();
                }
                Database opened = open(settings, known);
                synchronized (this) {
                    reconcile(opened);
                    db.complete(opened);
                }
            } catch (RuntimeException | Error e) {
                LOG.log(Level.SEVERE, "The database could not be opened; the API answers 503 until this is fixed"
                        + " and the runtime restarted", e);
                db.completeExceptionally(e);
            }
        }, "revos-database-open");
        opener.setDaemon(true);
        opener.start();
    }

    /**
     * Adds an engine's entities to the persistence unit, or replaces what {@code owner} contributed before. Once the
     * database is open this rebuilds the unit at once, so the engine's components find their tables when they start;
     * before, the opening takes them. When the unit cannot be built with them, the unit stays as it was and
     * {@code refused} is told why (the engine cannot run).
     *
     * @param owner who contributes, such as a bundle's symbolic name and id
     */
    public synchronized void contribute(String owner, List<Class<?>> entities, Consumer<RuntimeException> refused) {
        contributions.put(owner, new Contribution(List.copyOf(entities), refused));
        if (db.isDone() && !db.isCompletedExceptionally()) {
            reconcile(db.join());
        }
    }

    /**
     * Adds the entities of several engines at once, as {@link #contribute} does for one: the unit is rebuilt once for
     * all of them (a start restores every stored engine this way, before starting any). When the unit cannot take
     * them all, it takes them engine by engine, and each engine refused is told why.
     *
     * @param byOwner each contributor's entities, in the order the unit should list them
     */
    public synchronized void contributeAll(Map<String, List<Class<?>>> byOwner,
            Map<String, Consumer<RuntimeException>> refused) {
        byOwner.forEach((owner, entities) -> contributions.put(owner, new Contribution(List.copyOf(entities),
                refused.getOrDefault(owner, e -> { }))));
        if (db.isDone() && !db.isCompletedExceptionally()) {
            reconcile(db.join());
        }
    }

    /** @return how many units the open database has built, the first included; 0 before it is open (tests) */
    int unitBuilds() {
        return db.isDone() && !db.isCompletedExceptionally() ? db.join().builds() : 0;
    }

    private List<Class<?>> wanted() {
        return contributions.values().stream().flatMap(c -> c.entities().stream()).toList();
    }

    /** Takes an engine's entities out of the persistence unit; its tables and rows stay for its return. */
    public synchronized void withdraw(String owner) {
        if (contributions.remove(owner) != null && db.isDone() && !db.isCompletedExceptionally()) {
            reconcile(db.join());
        }
    }

    /** An engine's entities and whom to tell when the unit cannot take them. */
    private record Contribution(List<Class<?>> entities, Consumer<RuntimeException> refused) {
    }

    /**
     * Brings the unit to the contributed entities: all at once when that works, else one contribution at a time,
     * refusing the ones the unit cannot take.
     */
    private void reconcile(Database database) {
        List<Class<?>> wanted = wanted();
        if (wanted.equals(database.engineEntities())) {
            return;
        }
        try {
            database.recompose(wanted);
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The persistence unit cannot take every engine's entities at once; adding them"
                    + " one engine at a time", e);
        }
        List<Class<?>> accepted = new ArrayList<>();
        for (Map.Entry<String, Contribution> entry : List.copyOf(contributions.entrySet())) {
            List<Class<?>> with = new ArrayList<>(accepted);
            with.addAll(entry.getValue().entities());
            try {
                database.recompose(with);
                accepted = with;
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "The entities of " + entry.getKey() + " cannot join the persistence unit", e);
                contributions.remove(entry.getKey());
                entry.getValue().refused().accept(e);
            }
        }
        if (!accepted.equals(database.engineEntities())) {
            database.recompose(accepted);
        }
    }

    /** @return {@code UP}, {@code STARTING}, or {@code DOWN} with the reason */
    public Status status() {
        if (!db.isDone()) {
            return new Status("STARTING", Optional.empty());
        }
        if (db.isCompletedExceptionally()) {
            return new Status("DOWN", Optional.of(failure().getMessage()));
        }
        return new Status("UP", Optional.empty());
    }

    /** Where the database stands. */
    public record Status(String state, Optional<String> detail) {
        public boolean isUp() {
            return state.equals("UP");
        }
    }

    private Throwable failure() {
        try {
            db.getNow(null);
            return new IllegalStateException("no failure");
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause() == null ? e : e.getCause();
        }
    }

    /** @throws Problem 503 while the database cannot be used */
    private Database db() {
        try {
            return db.get(OPEN_BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw unavailable("The database could not be opened: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw unavailable("The database is still opening; retry shortly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("Interrupted while waiting for the database");
        }
    }

    private static Problem unavailable(String detail) {
        return new Problem(503, "unavailable", "Service unavailable", detail, List.of());
    }

    private static Database open(RuntimeSettings settings, List<Class<?>> engineEntities) {
        if (settings.dbUrl().isPresent()) {
            return Database.fromUrl(settings.dbUrl().get(), settings.dbUser(), settings.dbPassword(), engineEntities);
        }
        return Database.embeddedDerby(settings.derbyDir(), engineEntities);
    }

    @Deactivate
    public void close() {
        try {
            db.get(OPEN_BOUND_SECONDS, TimeUnit.SECONDS).close();
        } catch (ExecutionException nothingToClose) {
            // the database never opened
        } catch (TimeoutException | InterruptedException e) {
            LOG.log(Level.WARNING, "The database did not finish opening; it is closed when the process ends", e);
        }
    }

    /** Runs read-only work against one tenant's rows. */
    public <T> T read(String tenantId, Function<EntityManager, T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Database.Session session = db().forTenant(tenantId)) {
                return work.apply(session.em());
            } catch (RuntimeException e) {
                if (!busy(e)) {
                    throw e;
                }
                if (attempt >= BUSY_ATTEMPTS || !deadlockVictim(e)) {
                    throw translate(e);
                }
                pauseBeforeRetry(attempt);
            }
        }
    }

    /** Runs read-only work against platform entities (tenants, keys). */
    public <T> T readPlatform(Function<EntityManager, T> work) {
        try (Database.Session session = db().forPlatform()) {
            return work.apply(session.em());
        }
    }

    /**
     * Runs {@code work} in one transaction on {@code tenantId}'s rows (platform entities may be written too). A
     * {@link Problem} or any exception rolls everything back; constraint violations become 409 problems.
     */
    public <T> T write(String tenantId, Caller caller, Function<Tx, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return writeOnce(tenantId, caller, work);
            } catch (RuntimeException e) {
                if (attempt >= BUSY_ATTEMPTS || !deadlockVictim(e)) {
                    throw translate(e);
                }
                LOG.log(Level.FINE, "A transaction of tenant " + tenantId + " lost a lock conflict; running it again",
                        e);
                pauseBeforeRetry(attempt);
            }
        }
    }

    /**
     * How often a transaction the database chose as a deadlock's victim runs:
     * it was rolled back whole, so running the work again is what the caller would do, and it succeeds once the other
     * transaction is through.
     */
    static final int BUSY_ATTEMPTS = 4;

    private static void pauseBeforeRetry(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(5, 25L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to run a transaction again", e);
        }
    }

    /** @return whether the database refused the work for a lock conflict (a deadlock, a lock wait timed out) */
    static boolean busy(Throwable e) {
        return sqlState(e, state -> state.equals("40001") || state.startsWith("40XL"));
    }

    /**
     * @return whether the database chose the work as a deadlock's victim: running it again succeeds once the other
     * transaction is through (a lock wait that timed out is not run again; it already waited long)
     */
    static boolean deadlockVictim(Throwable e) {
        return sqlState(e, "40001"::equals);
    }

    private static boolean sqlState(Throwable e, java.util.function.Predicate<String> test) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && test.test(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private <T> T writeOnce(String tenantId, Caller caller, Function<Tx, T> work) {
        Database.Session session = db().forTenant(tenantId);
        EntityManager em = session.em();
        EntityTransaction transaction = em.getTransaction();
        Tx tx = new Tx(em, tenantId, caller, false, clock.getAsLong());
        java.util.concurrent.locks.Lock sealLock = null;
        try {
            transaction.begin();
            T result = work.apply(tx);
            // A write that publishes events changes what the change feed's listeners see: from here to its count no
            // seal of the tenant can be taken, and a seal there may be goes with this commit. A write without events
            // (an engine's bookkeeping) changes nothing a projection built from the feed holds, and leaves seals.
            if (!tx.events().isEmpty()) {
                sealLock = seals.beforeCommit(tenantId, em);
            }
            transaction.commit();
            if (sealLock != null) {
                seals.committed(tenantId);
            }
            announce(tenantId, tx.events());
            if (sealLock != null) {
                sealLock.unlock();
                sealLock = null;
            }
            postAll(tx.events());
            return result;
        } finally {
            try {
                if (transaction.isActive()) {
                    transaction.rollback();
                }
            } finally {
                if (sealLock != null) {
                    sealLock.unlock();
                }
                session.close();
            }
        }
    }

    /**
     * Seals the tenant at commit {@code commit} (see {@link org.revos.kernel.spi.SnapshotSeals}).
     *
     * @return whether the seal was recorded
     */
    public boolean seal(String tenantId, long commit, String token) {
        return seals.seal(tenantId, commit, token, this::commits, record -> {
            try (Database.Session session = db().forPlatform()) {
                EntityManager em = session.em();
                EntityTransaction transaction = em.getTransaction();
                transaction.begin();
                try {
                    Boolean done = record.apply(em);
                    transaction.commit();
                    return done;
                } finally {
                    if (transaction.isActive()) {
                        transaction.rollback();
                    }
                }
            }
        });
    }

    /** @return the token of the tenant's seal, empty when a write committed since the last one or none was made */
    public Optional<String> sealOf(String tenantId) {
        return readPlatform(em -> TenantSeals.tokenOf(em, tenantId));
    }

    /**
     * Runs {@code work} in a transaction that is always rolled back: it sees its own writes, then nothing of them
     * stays and no event is posted. Imports validate rows this way with exactly the rules a real write applies.
     */
    public <T> T rehearse(String tenantId, Caller caller, Function<Tx, T> work) {
        Database.Session session = db().forTenant(tenantId);
        EntityManager em = session.em();
        EntityTransaction transaction = em.getTransaction();
        try {
            transaction.begin();
            return work.apply(new Tx(em, tenantId, caller, true, clock.getAsLong()));
        } catch (RuntimeException e) {
            throw translate(e);
        } finally {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            session.close();
        }
    }

    /**
     * Has the database measure an entity's table again (Derby's index statistics) when {@code added} rows are at
     * least a quarter of it: after such a bulk load the query planner would otherwise keep planning for the table it
     * knew before. The first list request after importing 300k deals took 2.4 s, and 25 ms with fresh statistics;
     * Derby refreshes them by itself some seconds later. Tables are shared by all tenants, so a small import into a
     * big table measures nothing: that would scan every tenant's rows.
     *
     * @return whether the table was measured
     */
    public boolean refreshStatisticsAfterLoad(Class<?> entityClass, long added) {
        try (Database.Session session = db().forPlatform()) {
            EntityManager em = session.em();
            String table = em.unwrap(org.eclipse.persistence.jpa.JpaEntityManager.class).getServerSession()
                    .getDescriptor(entityClass).getTableName();
            // Native SQL is off for tenant queries (multitenancy); these name no tenant's rows.
            long rows = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table)
                    .setHint(org.eclipse.persistence.config.QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                    .getSingleResult()).longValue();
            if (added * 4 < rows) {
                return false;
            }
            EntityTransaction transaction = em.getTransaction();
            transaction.begin();
            em.createNativeQuery("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS(NULL, ?, NULL)")
                    .setHint(org.eclipse.persistence.config.QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                    .setParameter(1, table).executeUpdate();
            transaction.commit();
            return true;
        }
    }

    /**
     * @return how many write transactions of the tenant this runtime committed; it changes, after every commit
     *         listener has been told and before the write's events are posted, whenever data that caches derive from
     *         may have changed
     */
    public long commits(String tenantId) {
        AtomicLong n = commits.get(tenantId);
        return n == null ? 0 : n.get();
    }

    /** Registers a listener of committed writes (see {@link CommitListener}). */
    public void addCommitListener(CommitListener listener) {
        listeners.add(listener);
    }

    public void removeCommitListener(CommitListener listener) {
        listeners.remove(listener);
    }

    /**
     * Numbers a committed write of the tenant, tells every listener of it, then moves the tenant's counter: under the
     * counter's lock, so that the tenant's writes are told in the order of their numbers, and a reader who sees the
     * counter at {@code n} knows that writes {@code 1..n} have been told. Only this short, in-memory step is
     * serialised; the transactions themselves are not.
     */
    private void announce(String tenantId, List<Map.Entry<String, Map<String, Object>>> queued) {
        AtomicLong counter = commits.computeIfAbsent(tenantId, t -> new AtomicLong());
        synchronized (counter) {
            long commit = counter.get() + 1;
            for (CommitListener listener : listeners) {
                try {
                    listener.committed(tenantId, commit, queued);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "A commit listener failed for tenant " + tenantId, e);
                }
            }
            counter.set(commit);
        }
    }

    private void postAll(List<Map.Entry<String, Map<String, Object>>> queued) {
        for (Map.Entry<String, Map<String, Object>> event : queued) {
            try {
                events.post(event.getKey(), event.getValue());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not post event " + event.getKey(), e);
            }
        }
    }

    /**
     * A broken constraint in plain words: the database's own message names its tables and constraints, which are no
     * business of the client's (and differ between databases). A unique external id, the only unique value a client
     * chooses, is named as that field.
     */
    static Problem integrity(SQLException sql) {
        String message = sql.getMessage() == null ? "" : sql.getMessage().toUpperCase(Locale.ROOT);
        if (message.matches("(?s).*\\bUQ_\\w*_EXT\\b.*")) {
            return Problem.conflict("Another object of this kind already has this externalId",
                    List.of(new FieldError("externalId", "is already used by another object of this kind")));
        }
        if ("23503".equals(sql.getSQLState())) {
            return Problem.conflict("The write refers to an object that does not exist, or removes one that others"
                    + " still refer to", List.of());
        }
        return Problem.conflict("The write conflicts with existing data: a value that must be unique is taken;"
                + " read the object again and retry", List.of());
    }

    private static RuntimeException translate(RuntimeException e) {
        if (e instanceof Problem) {
            return e;
        }
        if (busy(e)) {
            return new Problem(503, "busy", "Service Unavailable", "Other changes held the rows this request needs for"
                    + " too long; nothing was changed. Retry in a moment", List.of());
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException) {
                return Problem.conflict("The object was changed by another request meanwhile; read it again and retry",
                        List.of());
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                LOG.log(Level.FINE, "A write broke a database constraint", sql);
                return integrity(sql);
            }
        }
        if (e instanceof PersistenceException) {
            return new IllegalStateException("Database write failed", e);
        }
        return e;
    }
}
