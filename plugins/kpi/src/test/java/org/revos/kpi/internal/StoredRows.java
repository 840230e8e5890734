package org.revos.kpi.internal;

import java.time.Instant;
import java.util.List;

import org.revos.api.model.ObjectType;
import org.revos.api.model.Pipeline;
import org.revos.api.model.Tenant;
import org.revos.api.query.TenantData;
import org.revos.kpi.internal.reference.TenantRows;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.TeamMembershipEntity;
import org.revos.runtime.internal.query.RevosDataService;

/** Reads a tenant's rows for the reference through the plugins' data API and JPA, never through the facts. */
final class StoredRows {

    private StoredRows() {
    }

    static TenantRows read(Store store, FactsProjection projection, Tenant tenant, List<Pipeline> pipelines) {
        TenantData data = new RevosDataService(store, projection).forTenant(tenant.id());
        List<TenantRows.Membership> memberships = store.read(tenant.id(), em -> em.createQuery(
                "SELECT m FROM TeamMembershipEntity m", TeamMembershipEntity.class).getResultList()).stream()
                .map(m -> new TenantRows.Membership(m.userId, m.team, Instant.ofEpochMilli(m.sinceAt))).toList();
        return new TenantRows(tenant.timeZone(), data.users().toList(), memberships, data.accounts().toList(),
                data.deals().toList(), data.leads().toList(),
                java.util.stream.Stream.concat(data.transitions(ObjectType.DEAL, null, null),
                        data.transitions(ObjectType.LEAD, null, null)).toList(),
                data.revenueEvents(null, null).toList(), data.goals().toList(), pipelines);
    }
}
