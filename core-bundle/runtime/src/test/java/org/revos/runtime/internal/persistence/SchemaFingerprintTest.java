package org.revos.runtime.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaFingerprintTest {

    @Test
    void theFingerprintIsStableAndCoversEveryEntity() {
        String once = SchemaFingerprint.current(Database.class.getClassLoader());
        assertEquals(once, SchemaFingerprint.current(Database.class.getClassLoader()));
        assertTrue(once.matches("[0-9a-f]{64}"));
    }

    @Test
    void aReopenedDatabaseKeepsItsDataAndSkipsSchemaGeneration(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("db");
        String id;
        try (Database first = Database.embeddedDerby(folder)) {
            assertTrue(first.schemaGenerated());
            Store store = new Store(first, (t, p) -> { });
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
            Store store = new Store(second, (t, p) -> { });
            assertEquals("kept", store.read("ten_a", em -> em.find(AccountEntity.class, id)).name);
        }
    }
}
