package org.revos.runtime.internal.persistence;

import java.util.Map;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.revos.api.security.Caller;
import org.revos.kernel.spi.TenantStore;
import org.revos.kernel.spi.TenantTransaction;
import org.revos.runtime.internal.json.Json;

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
        return store.write(tenantId, caller, tx -> work.apply(new Transaction(tx)));
    }

    /** A {@link Tx} seen through the SPI. */
    private record Transaction(Tx tx) implements TenantTransaction {
        @Override
        public EntityManager em() {
            return tx.em();
        }

        @Override
        public String tenantId() {
            return tx.tenantId();
        }

        @Override
        public Caller caller() {
            return tx.caller();
        }

        @Override
        public long now() {
            return tx.now();
        }

        @Override
        public void audit(String action, String objectType, String objectId, Map<String, Object> before,
                Map<String, Object> after) {
            tx.audit(action, objectType, objectId, before == null ? null : Json.MAPPER.valueToTree(before),
                    after == null ? null : Json.MAPPER.valueToTree(after));
        }

        @Override
        public void publish(String topic, Map<String, Object> properties) {
            tx.publish(topic, properties);
        }
    }
}
