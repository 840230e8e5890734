package org.revos.adoption.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.revos.kernel.spi.PropertyReaders;
import org.revos.kernel.spi.TenantStore;

/** Initiatives about a custom property read it: {@code GET /api/v1/properties/usage} names them. */
@Component(service = PropertyReaders.class)
public final class InitiativeProperties implements PropertyReaders {

    private final TenantStore store;

    @Activate
    public InitiativeProperties(@Reference TenantStore store) {
        this.store = store;
    }

    @Override
    public Map<String, List<String>> readers(String tenantId) {
        Map<String, List<String>> readers = new LinkedHashMap<>();
        store.query(tenantId, em -> em.createQuery("SELECT i.objectType, i.property, i.id FROM InitiativeEntity i"
                + " WHERE i.property IS NOT NULL ORDER BY i.id", Object[].class).getResultList())
                .forEach(r -> readers.computeIfAbsent(r[0] + "/" + r[1], k -> new ArrayList<>())
                        .add("initiative:" + r[2]));
        return readers;
    }
}
