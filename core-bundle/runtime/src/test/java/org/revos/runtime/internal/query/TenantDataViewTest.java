package org.revos.runtime.internal.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revos.api.model.RevenueEvent;
import org.revos.api.query.TenantData;
import org.revos.kernel.spi.Ids;
import org.revos.runtime.internal.persistence.AccountEntity;
import org.revos.runtime.internal.persistence.RevenueEventEntity;
import org.revos.runtime.internal.persistence.TestStores;

class TenantDataViewTest {

    private final TestStores stores = new TestStores();
    private final RevosDataService data = new RevosDataService(stores.store, null);

    @AfterEach
    void close() {
        stores.store.close();
    }

    @Test
    void streamsPageThroughEveryRowInIdOrder() {
        stores.tenant("ten_a");
        stores.tenant("ten_b");
        stores.store.write("ten_a", null, tx -> {
            for (int i = 0; i < 1234; i++) {
                AccountEntity a = new AccountEntity();
                a.id = Ids.next("acc");
                a.name = "A" + i;
                tx.em().persist(a);
            }
            return null;
        });
        TenantData a = data.forTenant("ten_a");
        List<String> ids = a.accounts().map(x -> x.id()).toList();
        assertEquals(1234, ids.size());
        assertEquals(ids.stream().sorted().toList(), ids);
        assertEquals(0, data.forTenant("ten_b").accounts().count(), "another tenant sees none of them");
        assertEquals("ten_a", a.tenant().id());
    }

    @Test
    void revenueEventsComeInTimeOrderWithinHalfOpenRanges() {
        stores.tenant("ten_a");
        long[] times = { 3_000, 1_000, 2_000, 2_000, 5_000 };
        stores.store.write("ten_a", null, tx -> {
            for (long t : times) {
                RevenueEventEntity e = new RevenueEventEntity();
                e.id = Ids.next("rev");
                e.accountId = "acc_1";
                e.kind = "NEW";
                e.arrDeltaCents = t;
                e.occurredAt = t;
                tx.em().persist(e);
            }
            return null;
        });
        List<RevenueEvent> events = data.forTenant("ten_a")
                .revenueEvents(Instant.ofEpochMilli(1_000), Instant.ofEpochMilli(5_000)).toList();
        assertEquals(List.of(1_000L, 2_000L, 2_000L, 3_000L), events.stream().map(RevenueEvent::arrDeltaCents).toList());
        assertTrue(events.get(1).id().compareTo(events.get(2).id()) < 0, "ties are ordered by id");
        assertEquals(5, data.forTenant("ten_a").revenueEventsOf("acc_1").count());
        assertEquals(5, data.forTenant("ten_a").revenueEvents(null, null).count());
    }

    @Test
    void propertyDefinitionsAreTenantScopedAndOrdered() {
        stores.tenant("ten_a");
        stores.tenant("ten_b");
        stores.store.write("ten_a", null, tx -> {
            for (String[] def : new String[][] { { "DEAL", "budget" }, { "ACCOUNT", "tier" }, { "DEAL", "authority" } }) {
                org.revos.runtime.internal.persistence.PropertyDefinitionEntity p =
                        new org.revos.runtime.internal.persistence.PropertyDefinitionEntity();
                p.id = Ids.next("prop");
                p.objectType = def[0];
                p.propertyKey = def[1];
                p.type = "ENUM";
                p.options = "[\"low\",\"high\"]";
                p.requiredInStages = "[\"OPPORTUNITY\"]";
                tx.em().persist(p);
            }
            return null;
        });
        var defs = data.forTenant("ten_a").propertyDefinitions().toList();
        assertEquals(List.of("tier", "authority", "budget"), defs.stream().map(d -> d.key()).toList());
        assertEquals(List.of("low", "high"), defs.get(0).options());
        assertEquals(List.of("OPPORTUNITY"), defs.get(1).requiredInStages());
        assertEquals(0, data.forTenant("ten_b").propertyDefinitions().count());
    }

    @Test
    void unknownTenantsAreRefused() {
        assertThrows(NoSuchElementException.class, () -> data.forTenant("ten_nobody"));
    }
}
