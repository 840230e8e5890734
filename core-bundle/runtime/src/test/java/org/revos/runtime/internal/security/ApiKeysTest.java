package org.revos.runtime.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.revos.api.security.ApiRole;
import org.revos.api.security.Caller;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.TestStores;

/** Keys are looked up by their hash, and the answer is remembered: long when the key is known, a moment when not. */
class ApiKeysTest {

    private final TestStores stores = new TestStores();
    private final ApiKeys keys = new ApiKeys(stores.store);

    @Test
    void aKeyTriedBeforeItIsRegisteredWorksOnceItIs() throws InterruptedException {
        String secret = "rvs_registered-while-requests-already-arrive";
        assertEquals(Optional.empty(), keys.authenticate(secret), "not registered yet");
        stores.store.write(Store.PLATFORM, null, tx -> keys.register(tx, secret, "bootstrap", ApiRole.PLATFORM_ADMIN));
        Thread.sleep(ApiKeys.UNKNOWN_TTL.toMillis() + 100);
        Optional<Caller> caller = keys.authenticate(secret);
        assertTrue(caller.isPresent(), "the key that was unknown a moment ago is accepted now");
        assertEquals(ApiRole.PLATFORM_ADMIN, caller.get().role());
    }

    @Test
    void aRevokedKeyIsRefusedAtOnce() {
        String secret = "rvs_revoked-right-after-its-first-use-000";
        var stored = stores.store.write(Store.PLATFORM, null, tx -> keys.register(tx, secret, "k",
                ApiRole.PLATFORM_ADMIN));
        assertTrue(keys.authenticate(secret).isPresent());
        stores.store.write(Store.PLATFORM, null, tx -> {
            keys.revoke(tx, tx.em().find(org.revos.runtime.internal.persistence.ApiKeyEntity.class, stored.id));
            return null;
        });
        assertEquals(Optional.empty(), keys.authenticate(secret));
    }
}
