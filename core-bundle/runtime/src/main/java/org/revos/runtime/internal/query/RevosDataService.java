package org.revos.runtime.internal.query;

import java.time.ZoneId;
import java.util.NoSuchElementException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.revos.api.model.Tenant;
import org.revos.api.query.RevosData;
import org.revos.api.query.TenantData;
import org.revos.kernel.spi.FactsSource;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.TenantEntity;

/** The {@link RevosData} service plugins read tenant data through. */
@Component(service = RevosData.class)
public final class RevosDataService implements RevosData {

    private final Store store;
    /** The facts projection's keeper (the KPI engine); absent while it is not installed */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile FactsSource facts;

    @Activate
    public RevosDataService(@Reference Store store) {
        this.store = store;
    }

    /** A service outside the framework (tests) whose facts come from {@code facts} ({@code null}: none). */
    public RevosDataService(Store store, FactsSource facts) {
        this.store = store;
        this.facts = facts;
    }

    @Override
    public TenantData forTenant(String tenantId) {
        TenantEntity t = tenantId == null ? null : store.readPlatform(em -> em.find(TenantEntity.class, tenantId));
        if (t == null) {
            throw new NoSuchElementException("No tenant with id " + tenantId);
        }
        return new TenantDataView(store, () -> facts, new Tenant(t.id, t.name, t.currency, ZoneId.of(t.timeZone)));
    }
}
