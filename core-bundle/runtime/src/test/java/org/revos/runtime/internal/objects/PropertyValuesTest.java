package org.revos.runtime.internal.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.revos.runtime.internal.json.TestJson.json;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.TestStores;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class PropertyValuesTest {

    private static final String T = "ten_props";
    private final TestStores stores = new TestStores();
    private final Store store = stores.store;

    @AfterEach
    void close() {
        store.close();
    }


    private ObjectNode create(ObjectSchema<?> schema, String body) {
        return store.write(T, TestStores.member(T), tx -> ObjectEngine.create(tx, schema, json(body)));
    }

    private Set<String> refusedFields(ObjectSchema<?> schema, String body) {
        return assertThrows(Problem.class, () -> create(schema, body)).errors().stream().map(FieldError::field)
                .collect(Collectors.toSet());
    }

    @Test
    void definedPropertiesMustHoldValuesOfTheirType() {
        create(Catalog.PROPERTY, "{'objectType': 'ACCOUNT', 'key': 'tier', 'type': 'ENUM', 'options': ['gold', 'silver']}");
        create(Catalog.PROPERTY, "{'objectType': 'ACCOUNT', 'key': 'seatsPlanned', 'type': 'NUMBER'}");
        create(Catalog.PROPERTY, "{'objectType': 'ACCOUNT', 'key': 'renewsOn', 'type': 'DATE'}");
        assertEquals(Set.of("properties.tier", "properties.seatsPlanned", "properties.renewsOn"),
                refusedFields(Catalog.ACCOUNT, "{'name': 'A', 'properties': {'tier': 'bronze', 'seatsPlanned': 'ten',"
                        + " 'renewsOn': 'soon', 'free': 'anything'}}"));
        ObjectNode ok = create(Catalog.ACCOUNT, "{'name': 'A', 'properties': {'tier': 'gold', 'seatsPlanned': 10,"
                + " 'renewsOn': '2027-01-31', 'free': 'anything'}}");
        assertEquals("gold", ok.get("properties").get("tier").asText());
        create(Catalog.CONTACT, "{'name': 'C', 'properties': {'tier': 'bronze'}}");
    }

    @Test
    void definitionsAreCheckedThemselves() {
        assertEquals(Set.of("options"), refusedFields(Catalog.PROPERTY,
                "{'objectType': 'DEAL', 'key': 'risk', 'type': 'ENUM'}"));
        assertEquals(Set.of("options"), refusedFields(Catalog.PROPERTY,
                "{'objectType': 'DEAL', 'key': 'risk', 'type': 'STRING', 'options': ['a']}"));
        assertEquals(Set.of("objectType", "key", "type"), refusedFields(Catalog.PROPERTY,
                "{'objectType': 'USER', 'key': '1bad key', 'type': 'COLOR'}"));
        create(Catalog.PROPERTY, "{'objectType': 'DEAL', 'key': 'risk', 'type': 'STRING'}");
        Problem duplicate = assertThrows(Problem.class, () -> create(Catalog.PROPERTY,
                "{'objectType': 'DEAL', 'key': 'risk', 'type': 'NUMBER'}"));
        assertEquals(409, duplicate.status());
    }
}
