package org.revos.runtime.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.revos.runtime.internal.json.TestJson.json;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revos.runtime.internal.objects.Catalog;
import org.revos.runtime.internal.objects.ObjectEngine;

/** After a bulk load that is a quarter of its table or more, the database measures the table again. */
class StatisticsTest {

    private static final String T = "ten_stats";
    private final TestStores stores = new TestStores();
    private final Store store = stores.store;

    @AfterEach
    void close() {
        store.close();
    }

    private long statistics(String table) {
        return ((Number) store.readPlatform(em -> em.createNativeQuery("SELECT COUNT(*) FROM SYS.SYSSTATISTICS s"
                + " JOIN SYS.SYSTABLES t ON s.TABLEID = t.TABLEID WHERE t.TABLENAME = ?").setHint(
                        org.eclipse.persistence.config.QueryHints.ALLOW_NATIVE_SQL_QUERY, true).setParameter(1, table)
                .getSingleResult())).longValue();
    }

    @Test
    void refreshingMeasuresTheTablesIndexes() {
        store.write(T, TestStores.member(T), tx -> {
            for (int i = 0; i < 200; i++) {
                ObjectEngine.create(tx, Catalog.ACCOUNT, json("{'name': 'Account " + i + "', 'externalId': 'a-" + i
                        + "', 'country': 'DE'}"));
            }
            return null;
        });
        assertEquals(0, statistics("ACCOUNTS"), "a small new table has none yet");
        assertFalse(store.refreshStatisticsAfterLoad(AccountEntity.class, 49), "49 of 200 rows: under a quarter");
        assertEquals(0, statistics("ACCOUNTS"));
        assertTrue(store.refreshStatisticsAfterLoad(AccountEntity.class, 50));
        assertTrue(statistics("ACCOUNTS") > 0, "its indexes are measured");
    }
}
