package org.revos.runtime.internal.persistence;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.apache.derby.jdbc.EmbeddedDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * The entity manager factory of the {@code revos} persistence unit over one data source. The schema is created and
 * extended from the entities at start, unless its {@link SchemaFingerprint} says it already matches them.
 */
public final class Database implements AutoCloseable {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Database.class.getName());

    /** The entity-manager property EclipseLink reads the tenant discriminator from. */
    public static final String TENANT_PROPERTY = "revos.tenant";

    private final EntityManagerFactory emf;
    private final Runnable onClose;
    private final boolean schemaGenerated;

    public Database(DataSource dataSource, Runnable onClose) {
        long started = System.nanoTime();
        Map<String, Object> props = new HashMap<>();
        props.put(PersistenceUnitProperties.NON_JTA_DATASOURCE, dataSource);
        props.put(PersistenceUnitProperties.CLASSLOADER, Database.class.getClassLoader());
        String fingerprint = SchemaFingerprint.current(Database.class.getClassLoader());
        boolean schemaCurrent = SchemaFingerprint.stored(dataSource).filter(fingerprint::equals).isPresent();
        props.put(PersistenceUnitProperties.DDL_GENERATION,
                schemaCurrent ? PersistenceUnitProperties.NONE : PersistenceUnitProperties.CREATE_OR_EXTEND);
        props.put(PersistenceUnitProperties.DDL_GENERATION_MODE, PersistenceUnitProperties.DDL_DATABASE_GENERATION);
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
        EntityManagerFactory factory = new PersistenceProvider().createEntityManagerFactory("revos", props);
        if (factory == null) {
            throw new IllegalStateException("EclipseLink found no persistence unit 'revos' in "
                    + Database.class.getClassLoader());
        }
        // Connect now: schema creation and a broken database surface at start, not on the first request.
        factory.createEntityManager().close();
        if (!schemaCurrent) {
            SchemaFingerprint.store(dataSource, fingerprint);
        }
        LOG.info((schemaCurrent ? "Schema unchanged; " : "Schema created or extended; ") + "database ready in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        this.emf = factory;
        this.onClose = onClose;
        this.schemaGenerated = !schemaCurrent;
    }

    /** Connections kept open; Jetty's request threads share them. */
    static final int POOL_SIZE = 16;

    /**
     * Wraps Derby's data source in a HikariCP pool: a Derby connection costs a session and its caches, and opening
     * one per request was measured at 14 % of a request's CPU.
     */
    private static Database pooled(EmbeddedDataSource derby, String shutdownName) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(derby);
        config.setPoolName("revos-db");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(2);
        HikariDataSource pool = new HikariDataSource(config);
        return new Database(pool, () -> {
            pool.close();
            shutdownDerby(shutdownName);
        });
    }

    /**
     * An embedded Derby database in {@code folder}, created when missing.
     */
    public static Database embeddedDerby(Path folder) {
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
        return pooled(ds, folder.toString());
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
    }

    /** An in-memory Derby database, gone when the JVM ends (tests). */
    public static Database inMemoryDerby(String name) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:" + name);
        ds.setCreateDatabase("create");
        return pooled(ds, "memory:" + name);
    }

    /**
     * @param url a JDBC URL; only {@code jdbc:derby:} is supported by this build
     * @throws IllegalArgumentException for other databases, naming what is missing
     */
    public static Database fromUrl(String url, Optional<String> user, Optional<String> password) {
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
        return pooled(ds, ds.getDatabaseName());
    }

    /** @return whether this start created or extended the schema (false when it already matched the entities) */
    boolean schemaGenerated() {
        return schemaGenerated;
    }

    /** @return an entity manager that sees only {@code tenantId}'s rows of tenant-scoped entities */
    public EntityManager forTenant(String tenantId) {
        return emf.createEntityManager(Map.of(TENANT_PROPERTY, tenantId));
    }

    /** @return an entity manager for platform entities (tenants, keys); tenant-scoped entities are refused */
    public EntityManager forPlatform() {
        return emf.createEntityManager();
    }

    @Override
    public void close() {
        emf.close();
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
