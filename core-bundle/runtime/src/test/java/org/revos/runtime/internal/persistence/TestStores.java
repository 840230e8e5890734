package org.revos.runtime.internal.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

import org.revos.api.security.ApiRole;
import org.revos.api.security.Caller;
import org.revos.runtime.internal.security.KeyCaller;

/** A store over a fresh in-memory Derby database, recording the events it posts. */
public final class TestStores {

    public final Store store;
    /** The database under {@link #store}, for a second store over the same rows (a restart) */
    public final Database database;
    public final List<Map.Entry<String, Map<String, Object>>> events = new ArrayList<>();

    public TestStores() {
        this(System::currentTimeMillis);
    }

    /** A store whose writes happen at the instants {@code clock} tells (epoch milliseconds). */
    public TestStores(LongSupplier clock) {
        database = Database.inMemoryDerby("t" + UUID.randomUUID().toString().replace("-", ""));
        store = new Store(database, (topic, props) -> events.add(Map.entry(topic, props)), clock);
    }

    /** @return a MEMBER caller of {@code tenantId} */
    public static Caller member(String tenantId) {
        return new KeyCaller("key_test_" + tenantId, tenantId, ApiRole.MEMBER, "test key");
    }

    /** Creates a tenant row. */
    public void tenant(String id) {
        tenant(id, "UTC");
    }

    /** Creates a tenant row whose periods are cut in {@code timeZone}. */
    public void tenant(String id, String timeZone) {
        store.write(id, null, tx -> {
            TenantEntity t = new TenantEntity();
            t.id = id;
            t.name = id;
            t.currency = "USD";
            t.timeZone = timeZone;
            t.createdAt = tx.now();
            tx.em().persist(t);
            return t;
        });
    }
}
