package org.revos.runtime.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revos.api.event.RevosEvents;
import org.revos.kernel.spi.Ids;
import org.revos.kernel.spi.Problem;

class TenancyTest {

    private final TestStores stores = new TestStores();
    private final Store store = stores.store;

    @AfterEach
    void close() {
        store.close();
    }

    private String account(String tenant, String name) {
        return store.write(tenant, TestStores.member(tenant), tx -> {
            AccountEntity a = new AccountEntity();
            a.id = Ids.next("acc");
            a.name = name;
            tx.em().persist(a);
            return a.id;
        });
    }

    @Test
    void aTenantCannotFindQueryOrCountAnotherTenantsRows() {
        String a = account("ten_a", "Alpha");
        String b = account("ten_b", "Beta");
        assertNotNull(store.read("ten_a", em -> em.find(AccountEntity.class, a)));
        assertNull(store.read("ten_a", em -> em.find(AccountEntity.class, b)), "find by id is tenant-scoped");
        List<String> names = store.read("ten_a", em -> em
                .createQuery("SELECT x.name FROM AccountEntity x", String.class).getResultList());
        assertEquals(List.of("Alpha"), names, "JPQL without any tenant condition still sees one tenant");
        long count = store.read("ten_b", em -> em.createQuery("SELECT COUNT(x) FROM AccountEntity x WHERE x.id = :id",
                Long.class).setParameter("id", a).getSingleResult());
        assertEquals(0, count);
    }

    @Test
    void bulkUpdatesAndDeletesStayInTheTenant() {
        account("ten_a", "Alpha");
        String b = account("ten_b", "Beta");
        int changed = store.write("ten_a", null, tx -> tx.em()
                .createQuery("UPDATE AccountEntity x SET x.name = 'renamed'").executeUpdate());
        assertEquals(1, changed);
        store.write("ten_a", null, tx -> tx.em().createQuery("DELETE FROM AccountEntity x").executeUpdate());
        assertEquals("Beta", store.read("ten_b", em -> em.find(AccountEntity.class, b)).name);
    }

    @Test
    void rowsAreWrittenWithTheTenantOfTheEntityManager() {
        String a = account("ten_a", "Alpha");
        String tenantColumn = store.read("ten_a", em -> (String) em
                .createNativeQuery("SELECT TENANT_ID FROM ACCOUNTS WHERE ID = ?1").setParameter(1, a)
                .setHint("eclipselink.jdbc.allow-native-sql-query", true).getSingleResult());
        assertEquals("ten_a", tenantColumn);
    }

    @Test
    void nativeSqlThatCouldForgetTheTenantIsRefused() {
        String a = account("ten_a", "Alpha");
        assertThrows(RuntimeException.class, () -> store.read("ten_b", em -> em
                .createNativeQuery("SELECT NAME FROM ACCOUNTS WHERE ID = ?1").setParameter(1, a).getSingleResult()));
    }

    @Test
    void eventsArePostedOnlyAfterCommit() {
        assertThrows(Problem.class, () -> store.write("ten_a", null, tx -> {
            tx.publish(RevosEvents.DEAL_WON, java.util.Map.of());
            throw Problem.invalid("x", "refused");
        }));
        assertTrue(stores.events.isEmpty(), "a rolled-back write publishes nothing");
        store.write("ten_a", null, tx -> {
            tx.publish(RevosEvents.DEAL_WON, java.util.Map.of(RevosEvents.OBJECT_ID, "deal_1"));
            return null;
        });
        assertEquals(1, stores.events.size());
        assertEquals(RevosEvents.DEAL_WON, stores.events.get(0).getKey());
        assertEquals("ten_a", stores.events.get(0).getValue().get(RevosEvents.TENANT));
    }

    @Test
    void aRefusedWriteLeavesNothingBehind() {
        assertThrows(Problem.class, () -> store.write("ten_a", null, tx -> {
            AccountEntity x = new AccountEntity();
            x.id = Ids.next("acc");
            x.name = "half";
            tx.em().persist(x);
            tx.em().flush();
            tx.audit("CREATE", "ACCOUNT", x.id, (Map<String, Object>) null, null);
            throw Problem.invalid("name", "refused after the insert");
        }));
        assertEquals(Long.valueOf(0), store.<Long>read("ten_a", em -> em.createQuery("SELECT COUNT(x) FROM AccountEntity x", Long.class)
                .getSingleResult()));
        assertEquals(Long.valueOf(0), store.<Long>read("ten_a", em -> em.createQuery("SELECT COUNT(x) FROM AuditEntryEntity x",
                Long.class).getSingleResult()));
    }

    @Test
    void platformEntityManagersRefuseTenantEntities() {
        account("ten_a", "Alpha");
        assertThrows(RuntimeException.class, () -> store.readPlatform(em -> em
                .createQuery("SELECT x FROM AccountEntity x", AccountEntity.class).getResultList()));
    }
}
