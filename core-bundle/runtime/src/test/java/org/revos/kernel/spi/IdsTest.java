package org.revos.kernel.spi;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsHaveThePrefixAnd26CrockfordCharacters() {
        String id = Ids.next("acc");
        assertTrue(id.matches("acc_[0-9A-HJKMNP-TV-Z]{26}"), id);
    }

    @Test
    void idsSortByCreationTime() {
        String earlier = "x_" + Ids.ulid(1_700_000_000_000L);
        String later = "x_" + Ids.ulid(1_700_000_000_001L);
        assertTrue(earlier.compareTo(later) < 0);
    }

    @Test
    void idsAreUnguessablyRandomWithinOneMillisecond() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(Ids.ulid(42L));
        }
        assertEquals(10_000, seen.size());
        assertNotEquals(Ids.ulid(42L).substring(10), Ids.ulid(42L).substring(10));
    }
}
