package org.revos.runtime.internal.objects;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.revos.runtime.internal.json.TestJson.json;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.TenantRow;
import org.revos.kernel.spi.objects.Field;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.TestStores;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Explicit nulls, values too big for the database and control characters: refused by field, never a defect. */
class ObjectEngineBadInputTest {

    private static final String T = "ten_bad_input";
    private final TestStores stores = new TestStores();
    private final Store store = stores.store;

    @AfterEach
    void close() {
        store.close();
    }

    private ObjectNode create(ObjectSchema<?> schema, String body) {
        return store.write(T, TestStores.member(T), tx -> ObjectEngine.create(tx, schema, json(body)));
    }

    private ObjectNode patch(ObjectSchema<?> schema, String id, JsonNode body) {
        return store.write(T, TestStores.member(T), tx -> ObjectEngine.patch(tx, schema, id, body));
    }

    private static FieldError only(Problem problem) {
        assertEquals(400, problem.status(), problem.getMessage());
        assertEquals(1, problem.errors().size(), problem.errors().toString());
        return problem.errors().get(0);
    }

    @Test
    void aNullInACreationIsAnAbsentMember() {
        String account = create(Catalog.ACCOUNT, "{'name': 'Globex', 'industry': null}").get("id").asText();
        ObjectNode deal = create(Catalog.DEAL, "{'accountId': '" + account + "', 'name': 'D', 'arr': null,"
                + " 'ownerId': null}");
        assertEquals(0, deal.get("arr").decimalValue().signum());
        ObjectNode activity = create(Catalog.ACTIVITY, "{'type': 'CALL', 'accountId': '" + account + "',"
                + " 'occurredAt': null}");
        assertTrue(activity.get("occurredAt").isTextual(), "defaults to now: " + activity);
        ObjectNode event = create(Catalog.REVENUE_EVENT, "{'accountId': '" + account + "', 'kind': 'NEW',"
                + " 'arrDelta': 10, 'occurredAt': '2026-01-01T00:00:00Z', 'seatsDelta': null}");
        assertEquals(0, event.get("seatsDelta").asInt());
    }

    @Test
    void aNullForARequiredFieldOfACreationIsNamedAsMissing() {
        FieldError error = only(assertThrows(Problem.class, () -> create(Catalog.ACCOUNT, "{'name': null}")));
        assertEquals(new FieldError("name", "is required"), error);
    }

    @Test
    void aPatchNullClearsAnOptionalFieldAndIsRefusedForOneThatAlwaysHasAValue() {
        String account = create(Catalog.ACCOUNT, "{'name': 'Globex', 'industry': 'Steel'}").get("id").asText();
        assertTrue(patch(Catalog.ACCOUNT, account, json("{'industry': null}")).get("industry").isNull());

        String deal = create(Catalog.DEAL, "{'accountId': '" + account + "', 'name': 'D', 'arr': 500}").get("id")
                .asText();
        FieldError arr = only(assertThrows(Problem.class, () -> patch(Catalog.DEAL, deal, json("{'arr': null}"))));
        assertEquals("arr", arr.field());
        assertTrue(arr.message().contains("send 0 for none"), arr.message());
        FieldError name = only(assertThrows(Problem.class, () -> patch(Catalog.DEAL, deal, json("{'name': null}"))));
        assertEquals(new FieldError("name", "cannot be cleared with null: it is required"), name);
    }

    /** Guards the catalog: a field whose stored form cannot be empty must say so, or a PATCH null is a defect. */
    @Test
    void everyClearableFieldOfEveryCollectionTakesNull() {
        for (ObjectSchema<?> schema : Catalog.all()) {
            clearEvery(schema);
        }
    }

    private static <E extends TenantRow> void clearEvery(ObjectSchema<E> schema) {
        for (Field<E> field : schema.fields()) {
            if (field.mode() != Field.Mode.READ_ONLY && field.isClearable()) {
                E entity = schema.factory().get();
                assertDoesNotThrow(() -> field.set(entity, null), schema.name() + "." + field.name());
            }
        }
    }

    @Test
    void anEmptyOrNonObjectBodyIsRefusedByName() {
        for (JsonNode body : List.of(json("[]"), json("3"), com.fasterxml.jackson.databind.node.NullNode.instance)) {
            Problem p = assertThrows(Problem.class, () -> create(Catalog.ACCOUNT, body.toString()));
            assertEquals("body", only(p).field());
        }
        assertEquals("body", only(assertThrows(Problem.class, () -> store.write(T, TestStores.member(T),
                tx -> ObjectEngine.create(tx, Catalog.ACCOUNT, null)))).field());
    }

    @Test
    void aNumberTooBigForItsColumnNamesTheFieldAndTheLimit() {
        FieldError target = only(assertThrows(Problem.class, () -> create(Catalog.GOAL, "{'kpi': 'won_revenue',"
                + " 'period': '2026', 'target': 1e20}")));
        assertEquals("target", target.field());
        assertTrue(target.message().contains("at most 15 digits before the decimal point"), target.message());
    }

    @Test
    void customPropertiesTooLongOnceStoredAreRefused() {
        StringBuilder body = new StringBuilder("{'name': 'Globex', 'properties': {");
        for (int i = 0; i < 20; i++) {
            body.append(i == 0 ? "" : ", ").append("'p").append(i).append("': '").append("x".repeat(1900))
                    .append("'");
        }
        FieldError properties = only(assertThrows(Problem.class, () -> create(Catalog.ACCOUNT, body + "}}")));
        assertEquals("properties", properties.field());
        assertTrue(properties.message().contains("at most 32000 fit"), properties.message());
    }

    @Test
    void aScopeIdLongerThanAnIdIsRefused() {
        FieldError scope = only(assertThrows(Problem.class, () -> create(Catalog.GOAL, "{'kpi': 'won_revenue',"
                + " 'period': '2026', 'target': 1, 'scope': {'userId': '" + "u".repeat(41) + "'}}")));
        assertEquals("scope.userId", scope.field());
    }

    @Test
    void controlCharactersOtherThanTabAndNewlinesAreRefusedInText() {
        FieldError nul = only(assertThrows(Problem.class, () -> create(Catalog.ACCOUNT, "{'name': 'Glo\\u0000bex'}")));
        assertEquals("name", nul.field());
        assertTrue(nul.message().contains("U+0000 at position 4"), nul.message());
        FieldError escape = only(assertThrows(Problem.class, () -> create(Catalog.ACCOUNT, "{'name': 'Globex',"
                + " 'properties': {'note': 'a\\u001bb'}}")));
        assertEquals("properties.note", escape.field());
        String account = create(Catalog.ACCOUNT, "{'name': 'Globex'}").get("id").asText();
        ObjectNode note = create(Catalog.ACTIVITY, "{'type': 'NOTE', 'accountId': '" + account + "', 'notes':"
                + " 'line one\\r\\n\\tline two'}");
        assertEquals("line one\r\n\tline two", note.get("notes").asText());
    }

    /** The declared limits of text fields never exceed their columns: a longer value would pass and then fail. */
    @Test
    void noTextFieldAllowsMoreThanItsColumnHolds() {
        for (ObjectSchema<?> schema : Catalog.all()) {
            for (Field<?> field : schema.fields()) {
                JsonNode max = field.type().schema().get("maxLength");
                StoredSizes.limits(schema.entityClass()).stream()
                        .filter(l -> l.attribute().getName().equals(field.name()) && l.length() > 0)
                        .forEach(l -> assertTrue(max == null || max.asInt() <= l.length(), schema.name() + "."
                                + field.name() + " allows " + max + " characters, its column " + l.length()));
            }
        }
    }
}
