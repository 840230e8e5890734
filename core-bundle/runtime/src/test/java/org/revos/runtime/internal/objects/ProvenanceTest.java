package org.revos.runtime.internal.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revos.api.event.RevosEvents;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.kernel.spi.objects.ObjectCollections.Found;
import org.revos.runtime.internal.persistence.TestStores;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

class ProvenanceTest {

    private final TestStores stores = new TestStores(() -> 1_000);

    @AfterEach
    void close() {
        stores.store.close();
    }

    private static final String RECORD = "{\"country\":{\"provider\":\"p\",\"at\":\"2026-01-01T00:00:00Z\","
            + "\"value\":\"DE\"},\"employees\":{\"provider\":\"p\",\"at\":\"2026-01-01T00:00:00Z\",\"value\":12}}";

    @Test
    void aFieldTheUserRewroteIsNoLongerEnriched() {
        ObjectNode before = JsonNodeFactory.instance.objectNode().put("country", "DE").put("employees", 12);
        Map<String, Object> now = new HashMap<>(Map.of("country", "FR", "employees", 12));
        assertEquals("{\"employees\":{\"provider\":\"p\",\"at\":\"2026-01-01T00:00:00Z\",\"value\":12}}",
                Provenance.keepUnchanged(RECORD, before, now));
    }

    @Test
    void untouchedFieldsKeepTheirRecordAndAnEmptyRecordIsNull() {
        ObjectNode before = JsonNodeFactory.instance.objectNode().put("country", "DE").put("employees", 12);
        assertEquals(FieldTypes.readTree(RECORD), FieldTypes.readTree(Provenance.keepUnchanged(RECORD, before,
                Map.of("country", "DE", "employees", 12))));
        Map<String, Object> cleared = new HashMap<>();
        cleared.put("country", null);
        cleared.put("employees", 13);
        assertNull(Provenance.keepUnchanged(RECORD, before, cleared));
        assertNull(Provenance.keepUnchanged(null, before, cleared));
    }

    @Test
    void fillingWritesOnlyEmptyWritableFieldsWithValuesTheirTypesTakeAndRecordsEach() {
        String t = "ten_provenance";
        String id = stores.store.write(t, TestStores.member(t), tx -> ObjectEngine.create(tx, Catalog.ACCOUNT,
                JsonNodeFactory.instance.objectNode().put("name", "Acme").put("domain", "acme.com")
                        .put("industry", "Set by a user"))).get("id").asText();
        stores.events.clear();
        ObjectNode after = stores.store.write(t, null, tx -> Provenance.fillEmpty(tx, Catalog.ACCOUNT, id, "ENRICH",
                List.of(new Found("country", new TextNode("ZZ"), "p1"), new Found("employees", new IntNode(-5), "p1"),
                        new Found("industry", new TextNode("Software"), "p1"), new Found("arr", new IntNode(5), "p1"),
                        new Found("country", new TextNode("DE"), "p2"), new Found("employees", new IntNode(40), "p2"),
                        new Found("country", new TextNode("FR"), "p3"))));
        assertEquals("DE", after.get("country").asText(), "an unknown country is refused, then the first usable wins");
        assertEquals(40, after.get("employees").asInt());
        assertEquals("Set by a user", after.get("industry").asText());
        assertEquals(FieldTypes.readTree(("{'country':{'provider':'p2','at':'1970-01-01T00:00:01Z','value':'DE'},"
                + "'employees':{'provider':'p2','at':'1970-01-01T00:00:01Z','value':40}}").replace('\'', '"')),
                after.get("enriched"));
        assertEquals(List.of(RevosEvents.OBJECT_UPDATED), stores.events.stream().map(Map.Entry::getKey).toList());

        ObjectNode again = stores.store.write(t, null, tx -> Provenance.fillEmpty(tx, Catalog.ACCOUNT, id, "ENRICH",
                List.of(new Found("country", new TextNode("FR"), "p3"))));
        assertEquals(after, again, "nothing empty to fill: nothing written");
        assertEquals(1, stores.events.size());
        assertNull(stores.store.write(t, null, tx -> Provenance.fillEmpty(tx, Catalog.ACCOUNT, "acc_gone", "ENRICH",
                List.of())));
    }
}
