package org.revos.runtime.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Table;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revos.kernel.spi.Ids;
import org.revos.kernel.spi.TenantRow;

/**
 * Engines bring entities of their own into the kernel's persistence unit while it serves: their rows commit with the
 * kernel's in one transaction, stay tenant-scoped, survive the engine's absence, and a unit that cannot take an
 * engine's entities stays as it was.
 */
class CompositionTest {

    /** An engine's entity, as an engine bundle would declare it. */
    @Entity(name = "Note")
    @Table(name = "TEST_NOTES")
    public static class NoteEntity extends TenantRow {
        @Column(length = 200)
        public String text;
    }

    /** The same engine's next revision: one more column. */
    @Entity(name = "PinnedNote")
    @Table(name = "TEST_NOTES")
    public static class PinnedNoteEntity extends TenantRow {
        @Column(length = 200)
        public String text;
        public boolean pinned;
    }

    /** Not an entity EclipseLink can map: no id anywhere in its hierarchy. */
    @Entity
    @Table(name = "TEST_BROKEN")
    public static class BrokenEntity {
        public String text;
    }

    private final TestStores stores = new TestStores();
    private final Store store = stores.store;
    private final List<RuntimeException> refusals = new ArrayList<>();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anEngineEntityCommitsWithKernelRowsAndStaysInItsTenant() {
        store.contribute("notes", List.of(NoteEntity.class), refusals::add);
        stores.tenant("ten_a");
        String id = store.write("ten_a", TestStores.member("ten_a"), tx -> {
            NoteEntity note = new NoteEntity();
            note.id = Ids.next("note");
            note.text = "call back on Monday";
            tx.em().persist(note);
            tx.audit("NOTE_CREATED", "NOTE", note.id, (Map<String, Object>) null, null);
            return note.id;
        });
        assertEquals("call back on Monday", store.read("ten_a", em -> em.find(NoteEntity.class, id)).text);
        assertNull(store.read("ten_b", em -> em.find(NoteEntity.class, id)), "another tenant sees nothing");
        assertEquals(List.of(id), store.read("ten_a", em -> em.createQuery("SELECT n.id FROM Note n",
                String.class).getResultList()), "queries know the engine's entity");
        long audited = store.read("ten_a", em -> em.createQuery("SELECT COUNT(a) FROM AuditEntryEntity a WHERE"
                + " a.objectId = :id", Long.class).setParameter("id", id).getSingleResult());
        assertEquals(1, audited);
        assertTrue(refusals.isEmpty());
    }

    @Test
    void aFailingWriteRollsBackTheEngineRowsWithTheKernelRows() {
        store.contribute("notes", List.of(NoteEntity.class), refusals::add);
        assertThrows(IllegalStateException.class, () -> store.write("ten_a", null, tx -> {
            NoteEntity note = new NoteEntity();
            note.id = "note_1";
            tx.em().persist(note);
            AccountEntity account = new AccountEntity();
            account.id = "acc_1";
            account.name = "kept only with its note";
            tx.em().persist(account);
            tx.em().flush();
            throw new IllegalStateException("the engine refuses after writing");
        }));
        assertNull(store.read("ten_a", em -> em.find(NoteEntity.class, "note_1")));
        assertNull(store.read("ten_a", em -> em.find(AccountEntity.class, "acc_1")));
    }

    @Test
    void anEngineThatLeavesAndComesBackFindsItsRowsAndItsNewColumn() {
        store.contribute("notes", List.of(NoteEntity.class), refusals::add);
        store.write("ten_a", null, tx -> {
            NoteEntity note = new NoteEntity();
            note.id = "note_1";
            note.text = "kept";
            tx.em().persist(note);
            return null;
        });
        store.withdraw("notes");
        assertThrows(IllegalArgumentException.class, () -> store.read("ten_a", em -> em.find(NoteEntity.class,
                "note_1")), "without its engine the entity is not part of the unit");
        store.contribute("notes", List.of(PinnedNoteEntity.class), refusals::add);
        PinnedNoteEntity back = store.read("ten_a", em -> em.find(PinnedNoteEntity.class, "note_1"));
        assertEquals("kept", back.text);
        store.write("ten_a", null, tx -> {
            tx.em().find(PinnedNoteEntity.class, "note_1").pinned = true;
            return null;
        });
        assertTrue(store.read("ten_a", em -> em.find(PinnedNoteEntity.class, "note_1")).pinned);
        assertTrue(refusals.isEmpty());
    }

    @Test
    void workRunningWhileTheUnitChangesFinishesOnTheUnitItStartedWith() {
        stores.tenant("ten_a");
        String name = store.read("ten_a", em -> {
            store.contribute("notes", List.of(NoteEntity.class), refusals::add);
            return em.find(TenantEntity.class, "ten_a").name;
        });
        assertEquals("ten_a", name);
        assertNotNull(store.read("ten_a", em -> em.getMetamodel().entity(NoteEntity.class)));
    }

    @Test
    void entitiesTheUnitCannotTakeAreRefusedAndTheUnitStaysAsItWas() {
        store.contribute("notes", List.of(NoteEntity.class), refusals::add);
        store.contribute("broken", List.of(BrokenEntity.class), refusals::add);
        assertEquals(1, refusals.size(), "the broken engine is told why");
        store.write("ten_a", null, tx -> {
            NoteEntity note = new NoteEntity();
            note.id = "note_2";
            tx.em().persist(note);
            return null;
        });
        EntityManagerCheck.assertNotMember(store, BrokenEntity.class);
    }

    /** A second engine's entity. */
    @Entity(name = "Tag")
    @Table(name = "TEST_TAGS")
    public static class TagEntity extends TenantRow {
        @Column(length = 50)
        public String label;
    }

    @Test
    void severalEnginesContributedTogetherBuildTheUnitOnceAndALaterEngineBuildsItAgain() {
        int before = store.unitBuilds();
        Map<String, List<Class<?>>> batch = new java.util.LinkedHashMap<>();
        batch.put("notes", List.of(NoteEntity.class));
        batch.put("tags", List.of(TagEntity.class));
        store.contributeAll(batch, Map.of("notes", refusals::add, "tags", refusals::add));
        assertEquals(before + 1, store.unitBuilds(), "one build for the whole batch");
        assertNotNull(store.read("ten_a", em -> em.getMetamodel().entity(NoteEntity.class)));
        assertNotNull(store.read("ten_a", em -> em.getMetamodel().entity(TagEntity.class)));

        store.contribute("notes", List.of(NoteEntity.class), refusals::add);
        assertEquals(before + 1, store.unitBuilds(), "a started engine whose entities are in already builds nothing");

        store.contribute("pinned", List.of(PinnedNoteEntity.class), refusals::add);
        assertEquals(before + 2, store.unitBuilds(), "an engine installed later builds the unit again");
        assertTrue(refusals.isEmpty(), refusals::toString);
    }

    @Test
    void aBatchWithEntitiesTheUnitCannotTakeRefusesOnlyTheirEngine() {
        Map<String, List<Class<?>>> batch = new java.util.LinkedHashMap<>();
        batch.put("notes", List.of(NoteEntity.class));
        batch.put("broken", List.of(BrokenEntity.class));
        batch.put("tags", List.of(TagEntity.class));
        List<String> refused = new ArrayList<>();
        store.contributeAll(batch, Map.of("notes", e -> refused.add("notes"), "broken", e -> refused.add("broken"),
                "tags", e -> refused.add("tags")));
        assertEquals(List.of("broken"), refused);
        assertNotNull(store.read("ten_a", em -> em.getMetamodel().entity(NoteEntity.class)));
        assertNotNull(store.read("ten_a", em -> em.getMetamodel().entity(TagEntity.class)));
        EntityManagerCheck.assertNotMember(store, BrokenEntity.class);
    }

    @Test
    void aDatabaseOpenedWithTheEnginesKnownBuildsItsUnitOnceAndFallsBackToTheKernelsAlone(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        try (Database once = Database.embeddedDerby(dir.resolve("a"), List.of(NoteEntity.class, TagEntity.class))) {
            assertEquals(1, once.builds());
            assertEquals(List.of(NoteEntity.class, TagEntity.class), once.engineEntities());
        }
        try (Database fallback = Database.embeddedDerby(dir.resolve("b"), List.of(BrokenEntity.class))) {
            assertEquals(List.of(), fallback.engineEntities(), "the kernel's unit opens without the broken engine");
            Store over = Store.over(fallback, (t, p) -> { });
            assertEquals(0L, (long) over.read("ten_a", em -> em.createQuery("SELECT COUNT(a) FROM AccountEntity a",
                    Long.class).getSingleResult()));
        }
    }

    /** Asks the unit whether it knows a class. */
    private static final class EntityManagerCheck {
        static void assertNotMember(Store store, Class<?> type) {
            assertThrows(IllegalArgumentException.class, () -> store.read("ten_a", (EntityManager em) -> em
                    .getMetamodel().entity(type)));
        }
    }
}
