package org.revos.runtime.internal.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.revos.runtime.internal.json.TestJson.json;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revos.api.model.ObjectType;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.objects.ObjectShaper;
import org.revos.kernel.spi.objects.ObjectWriteHook.ObjectWrite;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.TestStores;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The object shaper hook: a creation's shapers run inside its transaction before the object is rendered, so the
 * write hooks, the audit entry and the answer see what they derived; the fields placed on creation reach them and
 * nowhere else; a placed field no shaper takes refuses the creation, and so does a shaper that throws.
 */
class ShapersTest {

    private static final String T = "ten_shapers";
    private final TestStores stores = new TestStores();
    private final Store store = stores.store;
    private final List<Object> registered = new ArrayList<>();

    @AfterEach
    void close() {
        registered.forEach(Shapers::remove);
        registered.forEach(WriteHooks::remove);
        store.close();
    }

    private void shaper(ObjectShaper shaper) {
        Object key = new Object();
        registered.add(key);
        Shapers.add(key, 0, registered.size(), shaper);
    }

    private String account() {
        return store.write(T, TestStores.member(T), tx -> ObjectEngine.create(tx, Catalog.ACCOUNT,
                json("{'name': 'Acme'}"))).get("id").asText();
    }

    private ObjectNode deal(String account, String extra) {
        return store.write(T, TestStores.member(T), tx -> ObjectEngine.create(tx, Catalog.DEAL,
                json("{'accountId': '" + account + "', 'name': 'D'" + extra + "}")));
    }

    @Test
    void whatAShaperDerivesIsWhatTheHooksTheAuditAndTheAnswerSee() {
        List<JsonNode> taken = new ArrayList<>();
        shaper((tx, creation) -> {
            if (creation.type() == ObjectType.DEAL) {
                JsonNode stage = creation.take("stage");
                taken.add(stage == null ? JsonNodeFactory.instance.nullNode() : stage);
                ObjectEngine.derive((org.revos.runtime.internal.persistence.Tx) tx, Catalog.DEAL, creation.id(),
                        JsonNodeFactory.instance.objectNode().put("pipeline", "p").put("stage",
                                stage == null ? "FIRST" : stage.asText()));
            }
        });
        List<ObjectWrite> hooked = new ArrayList<>();
        Object hookKey = new Object();
        registered.add(hookKey);
        WriteHooks.add(hookKey, 0, 0, (tx, write) -> hooked.add(write));
        String account = account();
        ObjectNode plain = deal(account, "");
        assertEquals("FIRST", plain.get("stage").asText());
        ObjectNode named = deal(account, ", 'stage': 'LATER'");
        assertEquals("LATER", named.get("stage").asText(), "the placed field reached the shaper, not the object");
        assertEquals("[null, \"LATER\"]", taken.toString());
        assertEquals("LATER", hooked.get(hooked.size() - 1).after().get("stage").asText(), "the hooks see it");
        String audited = store.read(T, em -> em.createQuery("SELECT a.afterJson FROM AuditEntryEntity a WHERE"
                + " a.objectId = :id AND a.action = 'CREATE'", String.class).setParameter("id", named.get("id")
                .asText()).getSingleResult());
        assertTrue(audited.contains("\"stage\":\"LATER\""), audited);
    }

    @Test
    void aPlacedFieldNoShaperTakesRefusesTheCreation() {
        shaper((tx, creation) -> { // a shaper of other things leaves the stage alone
        });
        String account = account();
        Problem refused = assertThrows(Problem.class, () -> deal(account, ", 'pipeline': 'sales', 'stage': 'WON'"));
        assertEquals(409, refused.status());
        assertEquals(List.of("pipeline", "stage"), refused.errors().stream().map(e -> e.field()).toList());
        assertTrue(refused.getMessage().contains("not running"), refused.getMessage());
        long deals = store.read(T, em -> em.createQuery("SELECT COUNT(d) FROM DealEntity d", Long.class)
                .getSingleResult());
        assertEquals(0, deals, "nothing was created");
        ObjectNode unplaced = deal(account, ", 'stage': null");
        assertNull(unplaced.get("stage").textValue(), "a null placed field is an absent one");
    }

    @Test
    void aShaperThatThrowsRollsTheCreationBack() {
        shaper((tx, creation) -> {
            throw Problem.unprocessable("Placement refused", "stage", "not today");
        });
        Problem refused = assertThrows(Problem.class, () -> account());
        assertEquals(422, refused.status());
        long accounts = store.read(T, em -> em.createQuery("SELECT COUNT(a) FROM AccountEntity a", Long.class)
                .getSingleResult());
        assertEquals(0, accounts);
    }

    @Test
    void deriveWritesDerivedAndWritableFieldsButNoOtherReadOnlyOne() {
        String account = account();
        String id = deal(account, "").get("id").asText();
        ObjectNode derived = store.write(T, TestStores.member(T), tx -> ObjectEngine.derive(tx, Catalog.DEAL, id,
                JsonNodeFactory.instance.objectNode().put("stage", "S").put("closeDate", "2026-03-01")
                        .set("properties", json("{'budget': 'yes'}"))));
        assertEquals("S", derived.get("stage").asText());
        assertEquals("2026-03-01", derived.get("closeDate").asText());
        assertEquals("yes", derived.at("/properties/budget").asText());
        Problem badValue = assertThrows(Problem.class, () -> store.write(T, TestStores.member(T),
                tx -> ObjectEngine.derive(tx, Catalog.DEAL, id, JsonNodeFactory.instance.objectNode()
                        .put("closeDate", "2026-13-01"))));
        assertEquals("closeDate", badValue.errors().get(0).field());
        assertThrows(IllegalArgumentException.class, () -> store.write(T, TestStores.member(T),
                tx -> ObjectEngine.derive(tx, Catalog.ACCOUNT, account, JsonNodeFactory.instance.objectNode()
                        .put("arr", 5))));
        assertEquals(0, store.read(T, em -> ObjectEngine.find(em, Catalog.ACCOUNT, account)).arrCents,
                "a read-only field no engine derives stays as it was");
    }
}
