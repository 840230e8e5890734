package org.revos.runtime.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revos.kernel.spi.Ids;

class SchemaFingerprintTest {

    @Test
    void theFingerprintIsStableAndCoversEveryEntity() {
        Map<String, String> once = SchemaFingerprint.current(KernelEntities.CLASSES);
        assertEquals(once, SchemaFingerprint.current(KernelEntities.CLASSES));
        assertEquals(KernelEntities.CLASSES.size(), once.size());
        assertTrue(once.values().stream().allMatch(p -> p.matches("[0-9a-f]{64}")));
        assertNotEquals(once.get(AccountEntity.class.getName()), once.get(DealEntity.class.getName()));
    }

    @Test
    void aReopenedDatabaseKeepsItsDataAndSkipsSchemaGeneration(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("db");
        String id;
        try (Database first = Database.embeddedDerby(folder)) {
            assertTrue(first.schemaGenerated());
            Store store = Store.over(first, (t, p) -> { });
            id = store.write("ten_a", null, tx -> {
                AccountEntity a = new AccountEntity();
                a.id = Ids.next("acc");
                a.name = "kept";
                tx.em().persist(a);
                return a.id;
            });
        }
        assertTrue(Files.exists(folder));
        try (Database second = Database.embeddedDerby(folder)) {
            assertFalse(second.schemaGenerated(), "an unchanged schema is not generated again");
            Store store = Store.over(second, (t, p) -> { });
            assertEquals("kept", store.read("ten_a", em -> em.find(AccountEntity.class, id)).name);
        }
    }
}
