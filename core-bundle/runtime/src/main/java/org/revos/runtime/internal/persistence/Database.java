package org.revos.runtime.internal.persistence;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.apache.derby.jdbc.EmbeddedDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * The {@code revos} persistence unit over one data source: the kernel's entities and those of every started engine,
 * composed into one unit so that a write and its consequences (an engine's rows included) commit in one transaction.
 * When the engines' entities change ({@link #recompose}), a new entity manager factory is built beside the current one
 * and takes over; work already running finishes on the old one, which closes when its last entity manager does. The
 * schema is created and extended from the entities, unless their {@link SchemaFingerprint}s say it already matches.
 */
public final class Database implements AutoCloseable {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Database.class.getName());

    /** The entity-manager property EclipseLink reads the tenant discriminator from. */
    public static final String TENANT_PROPERTY = org.revos.kernel.spi.TenantRow.TENANT_PROPERTY;

    private final DataSource dataSource;
    private final Runnable onClose;
    /** Numbers every unit built in this JVM: EclipseLink keeps deployed units by session name. */
    private static final AtomicInteger GENERATIONS = new AtomicInteger();
    private volatile Generation current;
    private boolean schemaGenerated;
    /** How many units this database has built (tests check that start-up builds as few as it should). */
    private final AtomicInteger builds = new AtomicInteger();

    public Database(DataSource dataSource, Runnable onClose) {
        this(dataSource, onClose, List.of());
    }

    /** @param engineEntities the entities engines contribute besides the kernel's */
    public Database(DataSource dataSource, Runnable onClose, List<Class<?>> engineEntities) {
        this.dataSource = dataSource;
        this.onClose = onClose;
        this.current = open(engineEntities);
    }

    /**
     * Makes {@code engineEntities} the engines' members of the unit: builds the new unit (extending the schema when an
     * entity is new or changed), then switches every new entity manager to it. Throws, leaving the current unit in
     * place, when the new one cannot be built.
     */
    public synchronized void recompose(List<Class<?>> engineEntities) {
        Generation next = open(engineEntities);
        Generation previous = current;
        current = next;
        previous.retire();
    }

    /** @return the engines' entities of the current unit */
    public List<Class<?>> engineEntities() {
        return current.engineEntities;
    }

    private Generation open(List<Class<?>> engineEntities) {
        builds.incrementAndGet();
        long started = System.nanoTime();
        List<Class<?>> members = new ArrayList<>(KernelEntities.CLASSES);
        members.addAll(engineEntities);
        EntityClassLoader loader = new EntityClassLoader(Database.class.getClassLoader(), members);
        Map<String, String> fingerprints = SchemaFingerprint.current(members);
        List<Class<?>> changed = SchemaFingerprint.changed(dataSource, members, fingerprints);
        Map<String, Object> props = new HashMap<>();
        props.put(PersistenceUnitProperties.NON_JTA_DATASOURCE, dataSource);
        props.put(PersistenceUnitProperties.CLASSLOADER, loader);
        props.put(PersistenceUnitProperties.SESSION_NAME, EntityUnit.NAME + "-" + GENERATIONS.incrementAndGet());
        props.put(PersistenceUnitProperties.DDL_GENERATION, PersistenceUnitProperties.NONE);
        props.put("eclipselink.archive.factory", NoMappingFiles.class.getName());
        props.put(PersistenceUnitProperties.WEAVING, "false");
        props.put(PersistenceUnitProperties.LOGGING_LEVEL, "WARNING");
        props.put(PersistenceUnitProperties.LOGGING_LOGGER, "JavaLogger");
        props.put(PersistenceUnitProperties.CACHE_SHARED_DEFAULT, "false");
        props.put(PersistenceUnitProperties.MULTITENANT_SHARED_EMF, "true");
        props.put(PersistenceUnitProperties.JDBC_BIND_PARAMETERS, "true");
        props.put("eclipselink.jdbc.cache-statements", "true");
        // Inserts of one transaction go to Derby in JDBC batches: a recompute writes thousands of ledger lines.
        props.put(PersistenceUnitProperties.BATCH_WRITING, "JDBC");
        props.put(PersistenceUnitProperties.BATCH_WRITING_SIZE, "500");
        EntityManagerFactory factory = new PersistenceProvider().createContainerEntityManagerFactory(
                new EntityUnit(members, loader, dataSource), props);
        try {
            // Connect now: a broken database or mapping surfaces here, not on the first request.
            factory.createEntityManager().close();
            if (!changed.isEmpty()) {
                SchemaExtension.extend(factory, changed);
            }
        } catch (RuntimeException e) {
            factory.close();
            throw e;
        }
        if (!changed.isEmpty()) {
            SchemaFingerprint.store(dataSource, fingerprints);
            schemaGenerated = true;
        }
        LOG.info((changed.isEmpty() ? "Schema unchanged; " : "Schema of " + changed.size()
                + " entities created or extended; ") + "persistence unit of "
                + members.size() + " entities (" + engineEntities.size() + " from engines) ready in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        return new Generation(factory, List.copyOf(engineEntities));
    }

    /**
     * An entity manager of the unit in use when it was opened; closing the session closes it and lets a replaced unit
     * close once its last session has.
     */
    public static final class Session implements AutoCloseable {
        private final EntityManager em;
        private final Generation generation;

        private Session(EntityManager em, Generation generation) {
            this.em = em;
            this.generation = generation;
        }

        public EntityManager em() {
            return em;
        }

        @Override
        public void close() {
            try {
                em.close();
            } finally {
                generation.release();
            }
        }
    }

    /** One entity manager factory of the unit and how many sessions still use it. */
    private static final class Generation {
        private final EntityManagerFactory emf;
        private final List<Class<?>> engineEntities;
        private int open;
        private boolean retired;

        Generation(EntityManagerFactory emf, List<Class<?>> engineEntities) {
            this.emf = emf;
            this.engineEntities = engineEntities;
        }

        /** @return a session, or {@code null} when this generation was replaced meanwhile */
        synchronized Session acquire(Map<String, Object> properties) {
            if (retired) {
                return null;
            }
            EntityManager em = emf.createEntityManager(properties);
            open++;
            return new Session(em, this);
        }

        synchronized void release() {
            open--;
            if (retired && open == 0) {
                emf.close();
            }
        }

        synchronized void retire() {
            retired = true;
            if (open == 0) {
                emf.close();
            }
        }
    }

    /** Connections kept open; Jetty's request threads share them. */
    static final int POOL_SIZE = 16;

    /**
     * Wraps Derby's data source in a HikariCP pool: a Derby connection costs a session and its caches, and opening
     * one per request was measured at 14 % of a request's CPU.
     */
    private static Database pooled(EmbeddedDataSource derby, String shutdownName, List<Class<?>> engineEntities) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(derby);
        config.setPoolName("revos-db");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(2);
        HikariDataSource pool = new HikariDataSource(config);
        Runnable onClose = () -> {
            pool.close();
            shutdownDerby(shutdownName);
        };
        try {
            if (!engineEntities.isEmpty()) {
                try {
                    return new Database(pool, onClose, engineEntities);
                } catch (RuntimeException e) {
                    LOG.log(java.util.logging.Level.WARNING, "The persistence unit cannot be built with the engines'"
                            + " entities known at start; it is built with the kernel's alone, and the engines' are"
                            + " added one engine at a time", e);
                }
            }
            return new Database(pool, onClose);
        } catch (RuntimeException | Error e) {
            onClose.run();
            throw e;
        }
    }

    /**
     * An embedded Derby database in {@code folder}, created when missing.
     */
    public static Database embeddedDerby(Path folder) {
        return embeddedDerby(folder, List.of());
    }

    /**
     * An embedded Derby database in {@code folder}, created when missing, whose first unit already holds
     * {@code engineEntities} (the engines known when it opens), so that start-up builds the unit once instead of once
     * for the kernel and again for the engines. When the unit cannot take them, it opens with the kernel's entities
     * alone (the caller adds the engines' one at a time, refusing those that fail).
     */
    public static Database embeddedDerby(Path folder, List<Class<?>> engineEntities) {
        try {
            java.nio.file.Files.createDirectories(folder.getParent());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create the data folder " + folder.getParent() + ": " + e, e);
        }
        System.setProperty("derby.stream.error.file", folder.resolveSibling("derby.log").toString());
        derbyDefaults();
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(folder.toString());
        ds.setCreateDatabase("create");
        return pooled(ds, folder.toString(), engineEntities);
    }

    /**
     * Derby settings read when the engine boots, unless the operator set them (as system properties): a log buffer of
     * 1 MiB instead of 32 KiB, so a transaction of a few thousand rows (an import batch, a credit recompute) goes to
     * the log in a few writes instead of dozens. The import bench writes 11–14% more rows a second with it.
     */
    private static void derbyDefaults() {
        if (System.getProperty("derby.storage.logBufferSize") == null) {
            System.setProperty("derby.storage.logBufferSize", Integer.toString(1 << 20));
        }
        // Derby looks for a deadlock only once a lock wait has lasted this long (20 s by default): a request caught in
        // one would hang that long before its transaction is rolled back and run again (Store.write).
        if (System.getProperty("derby.locks.deadlockTimeout") == null) {
            System.setProperty("derby.locks.deadlockTimeout", "2");
        }
    }

    /** An in-memory Derby database, gone when the JVM ends (tests). */
    public static Database inMemoryDerby(String name) {
        derbyDefaults();
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:" + name);
        ds.setCreateDatabase("create");
        return pooled(ds, "memory:" + name, List.of());
    }

    /**
     * @param url a JDBC URL; only {@code jdbc:derby:} is supported by this build
     * @throws IllegalArgumentException for other databases, naming what is missing
     */
    public static Database fromUrl(String url, Optional<String> user, Optional<String> password) {
        return fromUrl(url, user, password, List.of());
    }

    /** As {@link #fromUrl(String, Optional, Optional)}, with a first unit as {@link #embeddedDerby(Path, List)}'s. */
    public static Database fromUrl(String url, Optional<String> user, Optional<String> password,
            List<Class<?>> engineEntities) {
        if (!url.startsWith("jdbc:derby:")) {
            throw new IllegalArgumentException("REVOS_DB_URL " + url.replaceAll("//[^@/]*@", "//***@")
                    + " is not supported: this build ships the embedded Derby driver only");
        }
        derbyDefaults();
        EmbeddedDataSource ds = new EmbeddedDataSource();
        String name = url.substring("jdbc:derby:".length());
        int semicolon = name.indexOf(';');
        ds.setDatabaseName(semicolon < 0 ? name : name.substring(0, semicolon));
        ds.setCreateDatabase("create");
        user.ifPresent(ds::setUser);
        password.ifPresent(ds::setPassword);
        return pooled(ds, ds.getDatabaseName(), engineEntities);
    }

    /** @return how many units this database has built, the failed attempts included */
    int builds() {
        return builds.get();
    }

    /** @return whether opening created or extended the schema (false when it already matched the entities) */
    boolean schemaGenerated() {
        return schemaGenerated;
    }

    /** @return a session that sees only {@code tenantId}'s rows of tenant-scoped entities */
    public Session forTenant(String tenantId) {
        return session(Map.of(TENANT_PROPERTY, tenantId));
    }

    /** @return a session for platform entities (tenants, keys); tenant-scoped entities are refused */
    public Session forPlatform() {
        return session(Map.of());
    }

    private Session session(Map<String, Object> properties) {
        while (true) {
            Session session = current.acquire(properties);
            if (session != null) {
                return session;
            }
        }
    }

    @Override
    public synchronized void close() {
        current.retire();
        onClose.run();
    }

    private static void shutdownDerby(String databaseName) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(databaseName);
        ds.setShutdownDatabase("shutdown");
        try {
            ds.getConnection().close();
        } catch (java.sql.SQLException expected) {
            // Derby reports a successful shutdown as SQLState 08006.
        }
    }
}
