package org.revos.kpi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revos.kernel.spi.TenantStore;
import org.revos.runtime.internal.persistence.EngineStore;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.security.Secrets;
import org.revos.runtime.internal.persistence.TestStores;

/**
 * The KPI settings keep the row ids the kernel gave them (one row per tenant, its id naming the tenant), so data
 * folders of earlier versions keep their settings, including rows stored under the name alone by versions before
 * per-tenant ids.
 */
class KpiSettingsTest {

    private final TestStores stores = new TestStores();
    private final Store store = Projections.withEntities(stores.store);
    private final TenantStore engines = new EngineStore(store);

    @AfterEach
    void close() {
        store.close();
    }

    private void save(String tenant, String yellowFrom) {
        engines.transaction(tenant, TestStores.member(tenant), tx -> {
            KpiSettingsEntity s = KpiSettings.forWrite(tx, tenant);
            s.yellowFrom = new BigDecimal(yellowFrom);
            s.updatedAt = tx.now();
            return null;
        });
    }

    /** @return the id the kernel gave a tenant's settings row (its TenantSingletons, now the integration engine's) */
    private static String kernelId(String tenantId) {
        return KpiSettings.NAME + "/" + Secrets.sha256(tenantId).substring(0, 39 - KpiSettings.NAME.length());
    }

    @Test
    void theRowIdIsTheOneTheKernelGaveIt() {
        assertEquals(kernelId("ten_a"), KpiSettings.id("ten_a"));
        assertEquals(kernelId("ten_01M98KT68PKJXXEMRRV7NEKR5G"), KpiSettings.id("ten_01M98KT68PKJXXEMRRV7NEKR5G"));
        assertTrue(KpiSettings.id("ten_01M98KT68PKJXXEMRRV7NEKR5G").length() <= 40);
    }

    @Test
    void everyTenantHasItsOwnSettingsAndTheDefaultUntilItSavesOne() {
        assertEquals(KpiSettings.DEFAULT_YELLOW_FROM, KpiSettings.yellowFrom(engines, "ten_a"));
        save("ten_a", "0.7");
        save("ten_b", "0.8");
        save("ten_a", "0.75");
        assertEquals(0, new BigDecimal("0.75").compareTo(KpiSettings.yellowFrom(engines, "ten_a")));
        assertEquals(0, new BigDecimal("0.8").compareTo(KpiSettings.yellowFrom(engines, "ten_b")));
        assertEquals(KpiSettings.DEFAULT_YELLOW_FROM, KpiSettings.yellowFrom(engines, "ten_c"));
        assertNotEquals(KpiSettings.id("ten_a"), KpiSettings.id("ten_b"));
    }

    @Test
    void aRowStoredUnderItsNameAloneIsReadByItsTenantOnlyAndMovedAtItsNextSave() {
        long created = store.write("ten_a", null, tx -> {
            KpiSettingsEntity legacy = new KpiSettingsEntity();
            legacy.id = KpiSettings.NAME;
            legacy.yellowFrom = new BigDecimal("0.6");
            legacy.createdAt = 1234;
            tx.em().persist(legacy);
            return legacy.createdAt;
        });
        assertEquals(0, new BigDecimal("0.6").compareTo(KpiSettings.yellowFrom(engines, "ten_a")));
        assertEquals(KpiSettings.DEFAULT_YELLOW_FROM, KpiSettings.yellowFrom(engines, "ten_b"), "not another's");
        save("ten_a", "0.65");
        assertEquals(0, new BigDecimal("0.65").compareTo(KpiSettings.yellowFrom(engines, "ten_a")));
        assertNull(store.read("ten_a", em -> em.find(KpiSettingsEntity.class, KpiSettings.NAME)), "moved");
        assertEquals(created, store.read("ten_a", em -> em.find(KpiSettingsEntity.class,
                KpiSettings.id("ten_a"))).createdAt);
    }
}
