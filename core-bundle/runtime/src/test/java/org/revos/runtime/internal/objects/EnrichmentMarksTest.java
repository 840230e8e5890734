package org.revos.runtime.internal.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.revos.kernel.spi.objects.FieldTypes;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

class EnrichmentMarksTest {

    private static final String RECORD = "{\"country\":{\"provider\":\"p\",\"at\":\"2026-01-01T00:00:00Z\","
            + "\"value\":\"DE\"},\"employees\":{\"provider\":\"p\",\"at\":\"2026-01-01T00:00:00Z\",\"value\":12}}";

    @Test
    void aFieldTheUserRewroteIsNoLongerEnriched() {
        ObjectNode before = JsonNodeFactory.instance.objectNode().put("country", "DE").put("employees", 12);
        Map<String, Object> now = new HashMap<>(Map.of("country", "FR", "employees", 12));
        assertEquals("{\"employees\":{\"provider\":\"p\",\"at\":\"2026-01-01T00:00:00Z\",\"value\":12}}",
                EnrichmentMarks.keepUnchanged(RECORD, before, now));
    }

    @Test
    void untouchedFieldsKeepTheirRecordAndAnEmptyRecordIsNull() {
        ObjectNode before = JsonNodeFactory.instance.objectNode().put("country", "DE").put("employees", 12);
        assertEquals(FieldTypes.readTree(RECORD), FieldTypes.readTree(EnrichmentMarks.keepUnchanged(RECORD, before,
                Map.of("country", "DE", "employees", 12))));
        Map<String, Object> cleared = new HashMap<>();
        cleared.put("country", null);
        cleared.put("employees", 13);
        assertNull(EnrichmentMarks.keepUnchanged(RECORD, before, cleared));
        assertNull(EnrichmentMarks.keepUnchanged(null, before, cleared));
    }
}
