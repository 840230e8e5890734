package org.revos.runtime.internal.persistence;

import java.util.List;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.revos.api.security.Caller;
import org.revos.kernel.spi.TenantStore;
import org.revos.kernel.spi.TenantTransaction;

/** The kernel's {@link Store} as engines see it through the engine SPI. */
@Component(service = TenantStore.class)
public final class EngineStore implements TenantStore {

    private final Store store;

    @Activate
    public EngineStore(@Reference Store store) {
        this.store = store;
    }

    @Override
    public <T> T query(String tenantId, Function<EntityManager, T> work) {
        return store.read(tenantId, work);
    }

    @Override
    public <T> T transaction(String tenantId, Caller caller, Function<TenantTransaction, T> work) {
        return store.write(tenantId, caller, work::apply);
    }

    @Override
    public List<String> tenantIds() {
        return store.readPlatform(em -> em.createQuery("SELECT t.id FROM TenantEntity t ORDER BY t.id", String.class)
                .getResultList());
    }

    @Override
    public long commits(String tenantId) {
        return store.commits(tenantId);
    }

    @Override
    public <T> T rehearse(String tenantId, Caller caller, Function<TenantTransaction, T> work) {
        return store.rehearse(tenantId, caller, work::apply);
    }

    @Override
    public boolean refreshStatistics(Class<?> entityClass, long added) {
        return store.refreshStatisticsAfterLoad(entityClass, added);
    }

    @Override
    public boolean isUp() {
        return store.status().isUp();
    }
}
