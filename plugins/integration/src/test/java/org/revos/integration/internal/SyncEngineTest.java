package org.revos.integration.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.revos.api.spi.ImportRow;
import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.Problem;

class SyncEngineTest {

    @Test
    void aRowIsKnownByItsExternalIdThenItsIdThenItsLine() {
        assertEquals("erp-1", SyncEngine.key(new ImportRow(2, Map.of("externalId", " erp-1 ", "id", "acc_1"))));
        assertEquals("acc_1", SyncEngine.key(new ImportRow(3, Map.of("externalId", "", "id", "acc_1"))));
        assertEquals("line 4", SyncEngine.key(new ImportRow(4, Map.of("name", "x"))));
    }

    @Test
    void backOffDoublesFromTheBaseAndNeverWaitsLongerThanTheInterval() {
        assertEquals(300, SyncEngine.backoff(300, 1, 60));
        assertEquals(600, SyncEngine.backoff(300, 2, 60));
        assertEquals(1200, SyncEngine.backoff(300, 3, 60));
        assertEquals(60_000, SyncEngine.backoff(30_000, 10, 1), "capped at the one-minute interval");
        assertEquals(3_600_000, SyncEngine.backoff(30_000, 60, 60), "no overflow after many attempts");
    }

    @Test
    void anErrorListsEveryFieldProblem() {
        Problem p = Problem.invalid(List.of(new FieldError("country", "must be ISO"), new FieldError("name",
                "is required")));
        assertEquals("country: must be ISO; name: is required", SyncEngine.describe(p));
    }
}
