package org.revos.runtime.internal.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.revos.runtime.internal.json.TestJson.json;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revos.api.model.ObjectType;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.objects.ObjectWriteHook;
import org.revos.kernel.spi.objects.ObjectWriteHook.ObjectWrite;
import org.revos.runtime.internal.persistence.AccountEntity;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.TestStores;

class WriteHooksTest {

    private static final String T = "ten_hooks";
    private final TestStores stores = new TestStores();
    private final Store store = stores.store;
    private final List<Object> registered = new ArrayList<>();

    @AfterEach
    void close() {
        registered.forEach(WriteHooks::remove);
        store.close();
    }

    private void register(int ranking, ObjectWriteHook hook) {
        Object key = new Object();
        registered.add(key);
        WriteHooks.add(key, ranking, registered.size(), hook);
    }

    @Test
    void aHookSeesCreatePatchAndDeleteInsideTheWritesTransaction() {
        List<ObjectWrite> seen = new ArrayList<>();
        register(0, (tx, write) -> {
            if (write.type() == ObjectType.ACCOUNT) {
                // the write is visible in the transaction the hook is handed, before it commits
                AccountEntity row = tx.em().find(AccountEntity.class, write.id());
                assertEquals(write.deleted(), row == null, write.toString());
                seen.add(write);
            }
        });
        String id = store.write(T, TestStores.member(T), tx -> ObjectEngine.create(tx, Catalog.ACCOUNT,
                json("{'name': 'Acme'}"))).get("id").asText();
        store.write(T, TestStores.member(T), tx -> ObjectEngine.patch(tx, Catalog.ACCOUNT, id,
                json("{'industry': 'Steel'}")));
        store.write(T, TestStores.member(T), tx -> {
            ObjectEngine.delete(tx, Catalog.ACCOUNT, id);
            return null;
        });

        assertEquals(3, seen.size(), seen::toString);
        assertEquals(true, seen.get(0).created());
        assertEquals("Acme", seen.get(0).after().get("name").asText());
        assertEquals("Steel", seen.get(1).after().get("industry").asText());
        assertEquals(true, seen.get(1).before().get("industry").isNull());
        assertEquals(true, seen.get(2).deleted());
        assertEquals("Steel", seen.get(2).before().get("industry").asText());
        seen.forEach(w -> assertEquals(id, w.id()));
    }

    @Test
    void aThrowingHookRollsTheWriteAndWhatEarlierHooksWroteBack() {
        String kept = store.write(T, TestStores.member(T), tx -> ObjectEngine.create(tx, Catalog.ACCOUNT,
                json("{'name': 'Kept'}"))).get("id").asText();
        List<String> order = new ArrayList<>();
        register(10, (tx, write) -> {
            order.add("first");
            AccountEntity other = tx.em().find(AccountEntity.class, kept);
            other.industry = "written by the first hook";
        });
        register(0, (tx, write) -> {
            order.add("second");
            throw Problem.conflict("the second hook refuses", List.of());
        });
        Problem refused = assertThrows(Problem.class, () -> store.write(T, TestStores.member(T),
                tx -> ObjectEngine.create(tx, Catalog.ACCOUNT, json("{'name': 'Refused'}"))));
        assertEquals(409, refused.status());
        assertEquals(List.of("first", "second"), order, "highest ranking first");

        List<AccountEntity> accounts = store.read(T, em -> em.createQuery("SELECT a FROM AccountEntity a",
                AccountEntity.class).getResultList());
        assertEquals(List.of(kept), accounts.stream().map(a -> a.id).toList(), "the refused account is not there");
        assertSame(null, accounts.get(0).industry, "nor what the first hook wrote");
        assertNotNull(store.read(T, em -> em.find(AccountEntity.class, kept)));
    }
}
