package org.revos.runtime.internal.persistence;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.List;
import java.util.Properties;

import javax.sql.DataSource;

import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;

import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * The {@code revos} persistence unit as the kernel composes it, without a {@code persistence.xml}: the kernel's
 * entities and those of every started engine, loaded through one {@link EntityClassLoader}. Bootstrapped the way a
 * container does ({@link PersistenceProvider#createContainerEntityManagerFactory}), so the member classes can come
 * from several bundles and change while the runtime runs.
 */
record EntityUnit(List<Class<?>> classes, EntityClassLoader loader, DataSource dataSource) implements
        PersistenceUnitInfo {

    static final String NAME = "revos";

    /** No orm.xml lives below it: EclipseLink finds no mapping files to add to the annotations. */
    private static final URL ROOT;

    static {
        try {
            ROOT = new URL("file:/revos-persistence-unit/");
        } catch (MalformedURLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public String getPersistenceUnitName() {
        return NAME;
    }

    @Override
    public String getPersistenceProviderClassName() {
        return PersistenceProvider.class.getName();
    }

    @Override
    public PersistenceUnitTransactionType getTransactionType() {
        return PersistenceUnitTransactionType.RESOURCE_LOCAL;
    }

    @Override
    public DataSource getJtaDataSource() {
        return null;
    }

    @Override
    public DataSource getNonJtaDataSource() {
        return dataSource;
    }

    @Override
    public List<String> getMappingFileNames() {
        return List.of();
    }

    @Override
    public List<URL> getJarFileUrls() {
        return List.of();
    }

    @Override
    public URL getPersistenceUnitRootUrl() {
        return ROOT;
    }

    @Override
    public List<String> getManagedClassNames() {
        return classes.stream().map(Class::getName).toList();
    }

    @Override
    public boolean excludeUnlistedClasses() {
        return true;
    }

    @Override
    public SharedCacheMode getSharedCacheMode() {
        return SharedCacheMode.NONE;
    }

    @Override
    public ValidationMode getValidationMode() {
        return ValidationMode.NONE;
    }

    @Override
    public Properties getProperties() {
        return new Properties();
    }

    @Override
    public String getPersistenceXMLSchemaVersion() {
        return "3.0";
    }

    @Override
    public ClassLoader getClassLoader() {
        return loader;
    }

    @Override
    public void addTransformer(ClassTransformer transformer) {
        // Weaving is off: entities are used as compiled.
    }

    @Override
    public ClassLoader getNewTempClassLoader() {
        return loader;
    }
}
