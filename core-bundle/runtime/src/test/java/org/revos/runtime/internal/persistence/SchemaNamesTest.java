package org.revos.runtime.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import org.junit.jupiter.api.Test;

/**
 * EclipseLink cuts constraint and index names to 18 characters on Derby without a word, so two long names with the
 * same start collide when the schema is created. Every name must fit, and be unique.
 */
class SchemaNamesTest {

    @Test
    void constraintAndIndexNamesFitDerbyAndAreUnique() {
        List<String> names = new ArrayList<>();
        for (Class<?> entity : KernelEntities.CLASSES) {
            Table table = entity.getAnnotation(Table.class);
            if (table == null) {
                continue;
            }
            for (UniqueConstraint u : table.uniqueConstraints()) {
                names.add(u.name());
            }
            for (Index i : table.indexes()) {
                names.add(i.name());
            }
        }
        assertTrue(names.size() > 15, names.toString());
        for (String name : names) {
            assertTrue(name.length() <= 18, name + " is longer than Derby's 18 characters");
        }
        assertEquals(names.size(), new HashSet<>(names).size(), "names are unique: " + names);
    }
}
