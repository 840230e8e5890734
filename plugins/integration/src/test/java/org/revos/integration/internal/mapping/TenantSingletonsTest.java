package org.revos.integration.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revos.integration.internal.ImportMappingEntity;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.TestStores;

/**
 * A tenant's one-of-a-kind rows (import mappings of a format; the KPI engine's settings, which keep these ids) were stored under their name alone, a
 * primary key across tenants: the second tenant to save its KPI settings or its HubSpot mappings got a 409. Found by
 * IsolationMatrixIT.
 */
class TenantSingletonsTest {

    private final TestStores stores = new TestStores();
    private final Store store = stores.store;

    {
        store.contribute("org.revos.integration", java.util.List.of(ImportMappingEntity.class), e -> {
            throw e;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void save(String tenant, String mappings) {
        store.write(tenant, TestStores.member(tenant), tx -> {
            ImportMappingEntity s = TenantSingletons.forWrite(tx.em(), ImportMappingEntity.class, tenant, "hubspot",
                    ImportMappingEntity::new, tx.now());
            s.mappingsJson = mappings;
            s.updatedAt = tx.now();
            return null;
        });
    }

    private String read(String tenant) {
        ImportMappingEntity s = store.read(tenant, em -> TenantSingletons.find(em, ImportMappingEntity.class, tenant,
                "hubspot"));
        return s == null ? null : s.mappingsJson;
    }

    @Test
    void everyTenantHasItsOwnRow() {
        save("ten_a", "{\"a\":1}");
        save("ten_b", "{\"b\":1}");
        save("ten_a", "{\"a\":2}");
        assertEquals("{\"a\":2}", read("ten_a"));
        assertEquals("{\"b\":1}", read("ten_b"));
        assertNull(read("ten_c"));
        assertNotEquals(TenantSingletons.id("ten_a", "hubspot"), TenantSingletons.id("ten_b", "hubspot"));
        assertTrue(TenantSingletons.id("ten_01M98KT68PKJXXEMRRV7NEKR5G", "salesforce").length() <= 40);
    }

    @Test
    void aRowStoredUnderItsNameAloneIsReadByItsTenantOnlyAndMovedAtItsNextSave() {
        long created = store.write("ten_a", null, tx -> {
            ImportMappingEntity legacy = new ImportMappingEntity();
            legacy.id = "hubspot";
            legacy.mappingsJson = "{\"legacy\":1}";
            legacy.createdAt = 1234;
            tx.em().persist(legacy);
            return legacy.createdAt;
        });
        assertEquals("{\"legacy\":1}", read("ten_a"));
        assertNull(read("ten_b"), "another tenant does not see it");
        save("ten_b", "{\"b\":1}");
        save("ten_a", "{\"a\":3}");
        assertEquals("{\"a\":3}", read("ten_a"));
        assertEquals("{\"b\":1}", read("ten_b"));
        assertNull(store.read("ten_a", em -> em.find(ImportMappingEntity.class, "hubspot")), "moved");
        assertEquals(created, store.read("ten_a", em -> em.find(ImportMappingEntity.class,
                TenantSingletons.id("ten_a", "hubspot"))).createdAt);
    }
}
