package org.revos.runtime.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A tenant's one-of-a-kind rows (KPI settings, import mappings of a format) were stored under their name alone, a
 * primary key across tenants: the second tenant to save its KPI settings or its HubSpot mappings got a 409. Found by
 * IsolationMatrixIT.
 */
class TenantSingletonsTest {

    private final TestStores stores = new TestStores();
    private final Store store = stores.store;

    @AfterEach
    void close() {
        store.close();
    }

    private void save(String tenant, String yellowFrom) {
        store.write(tenant, TestStores.member(tenant), tx -> {
            KpiSettingsEntity s = TenantSingletons.forWrite(tx.em(), KpiSettingsEntity.class, tenant, "kpi-settings",
                    KpiSettingsEntity::new, tx.now());
            s.yellowFrom = new BigDecimal(yellowFrom);
            s.updatedAt = tx.now();
            return null;
        });
    }

    private BigDecimal read(String tenant) {
        KpiSettingsEntity s = store.read(tenant, em -> TenantSingletons.find(em, KpiSettingsEntity.class, tenant,
                "kpi-settings"));
        return s == null ? null : s.yellowFrom;
    }

    @Test
    void everyTenantHasItsOwnRow() {
        save("ten_a", "0.7");
        save("ten_b", "0.8");
        save("ten_a", "0.75");
        assertEquals(new BigDecimal("0.7500"), read("ten_a"));
        assertEquals(new BigDecimal("0.8000"), read("ten_b"));
        assertNull(read("ten_c"));
        assertNotEquals(TenantSingletons.id("ten_a", "kpi-settings"), TenantSingletons.id("ten_b", "kpi-settings"));
        assertTrue(TenantSingletons.id("ten_01M98KT68PKJXXEMRRV7NEKR5G", "salesforce").length() <= 40);
    }

    @Test
    void aRowStoredUnderItsNameAloneIsReadByItsTenantOnlyAndMovedAtItsNextSave() {
        long created = store.write("ten_a", null, tx -> {
            KpiSettingsEntity legacy = new KpiSettingsEntity();
            legacy.id = "kpi-settings";
            legacy.yellowFrom = new BigDecimal("0.6");
            legacy.createdAt = 1234;
            tx.em().persist(legacy);
            return legacy.createdAt;
        });
        assertEquals(new BigDecimal("0.6000"), read("ten_a"));
        assertNull(read("ten_b"), "another tenant does not see it");
        save("ten_b", "0.8");
        save("ten_a", "0.65");
        assertEquals(new BigDecimal("0.6500"), read("ten_a"));
        assertEquals(new BigDecimal("0.8000"), read("ten_b"));
        assertNull(store.read("ten_a", em -> em.find(KpiSettingsEntity.class, "kpi-settings")), "moved");
        assertEquals(created, store.read("ten_a", em -> em.find(KpiSettingsEntity.class,
                TenantSingletons.id("ten_a", "kpi-settings"))).createdAt);
    }
}
