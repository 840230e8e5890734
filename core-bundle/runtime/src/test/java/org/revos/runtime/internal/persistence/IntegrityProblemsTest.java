package org.revos.runtime.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.Problem;

/** A broken database constraint is answered in the API's words, never the database's. */
class IntegrityProblemsTest {

    private static final String DERBY_UNIQUE = "The statement was aborted because it would have caused a duplicate key"
            + " value in a unique or primary key constraint or unique index identified by '%s' defined on '%s'.";

    @Test
    void aTakenExternalIdIsNamedAsThatField() {
        Problem p = Store.integrity(new SQLException(DERBY_UNIQUE.formatted("UQ_ACCOUNTS_EXT", "ACCOUNTS"), "23505"));
        assertEquals(409, p.status());
        assertEquals(List.of(new FieldError("externalId", "is already used by another object of this kind")),
                p.errors());
        assertQuiet(p);
    }

    @Test
    void otherConstraintsAreNamedInPlainWords() {
        Problem unique = Store.integrity(new SQLException(DERBY_UNIQUE.formatted("SQL0000000105-80da41f2",
                "KPI_SETTINGS"), "23505"));
        assertEquals(409, unique.status());
        assertQuiet(unique);
        Problem reference = Store.integrity(new SQLException("DELETE on table 'ACCOUNTS' caused a violation of"
                + " foreign key constraint 'FK_X' for key (1).", "23503"));
        assertTrue(reference.getMessage().contains("refers to an object that does not exist"),
                reference.getMessage());
        assertQuiet(reference);
    }

    private static void assertQuiet(Problem p) {
        String said = p.getMessage() + p.errors();
        for (String internal : List.of("statement", "constraint", "ACCOUNTS", "KPI_SETTINGS", "SQL", "FK_X", "UQ_")) {
            assertFalse(said.contains(internal), () -> "names the database's " + internal + ": " + said);
        }
    }
}
