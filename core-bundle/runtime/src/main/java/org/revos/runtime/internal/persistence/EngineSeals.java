package org.revos.runtime.internal.persistence;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.revos.kernel.spi.SnapshotSeals;

/** The kernel's {@link Store} seals, as engines see them through the engine SPI. */
@Component(service = SnapshotSeals.class)
public final class EngineSeals implements SnapshotSeals {

    private final Store store;

    @Activate
    public EngineSeals(@Reference Store store) {
        this.store = store;
    }

    @Override
    public boolean seal(String tenantId, long commit, String token) {
        return store.seal(tenantId, commit, token);
    }

    @Override
    public Optional<String> seal(String tenantId) {
        return store.sealOf(tenantId);
    }
}
