package org.revos.runtime.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void keysCarry256RandomBitsBehindAPrefix() {
        String key = Secrets.newKey();
        assertTrue(key.matches("rvs_[A-Za-z0-9_-]{43}"), key);
        assertNotEquals(key, Secrets.newKey());
    }

    @Test
    void hashesAreSha256Hex() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Secrets.sha256("abc"));
    }

    @Test
    void displayPrefixIsTooShortToUse() {
        String key = Secrets.newKey();
        assertEquals(10, Secrets.displayPrefix(key).length());
        assertTrue(key.startsWith(Secrets.displayPrefix(key)));
    }
}
