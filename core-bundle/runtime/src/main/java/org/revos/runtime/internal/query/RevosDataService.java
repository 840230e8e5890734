package org.revos.runtime.internal.query;

import java.time.ZoneId;
import java.util.NoSuchElementException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.revos.api.model.Tenant;
import org.revos.api.query.RevosData;
import org.revos.api.query.TenantData;
import org.revos.runtime.internal.kpi.FactsProjection;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.TenantEntity;

/** The {@link RevosData} service plugins read tenant data through. */
@Component(service = RevosData.class)
public final class RevosDataService implements RevosData {

    private final Store store;
    private final FactsProjection facts;

    @Activate
    public RevosDataService(@Reference Store store, @Reference FactsProjection facts) {
        this.store = store;
        this.facts = facts;
    }

    @Override
    public TenantData forTenant(String tenantId) {
        TenantEntity t = tenantId == null ? null : store.readPlatform(em -> em.find(TenantEntity.class, tenantId));
        if (t == null) {
            throw new NoSuchElementException("No tenant with id " + tenantId);
        }
        return new TenantDataView(store, facts, new Tenant(t.id, t.name, t.currency, ZoneId.of(t.timeZone)));
    }
}
