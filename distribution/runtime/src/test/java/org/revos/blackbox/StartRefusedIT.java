package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A start that cannot succeed says why and exits with status 1: a second RevOS on a port that is taken (instead of
 * serving nothing), and an admin key no request could use (instead of refusing every request).
 */
@ExtendWith(RevosExtension.class)
class StartRefusedIT {

    private final Revos revos;

    StartRefusedIT(Revos revos) {
        this.revos = revos;
    }

    @Test
    void aTakenPortEndsTheStartWithAClearMessage() throws Exception {
        RevosProcess.Exit second = RevosProcess.startExpectingExit(Map.of("REVOS_HTTP_PORT",
                Integer.toString(revos.process().port()), "REVOS_ADMIN_KEY", "rvs_port-taken-test-key-0123456789"));
        assertTrue(second.ended(), "the second runtime should have stopped by itself:\n" + second.output());
        assertEquals(1, second.status(), second.output());
        assertTrue(second.output().contains("RevOS cannot listen on 127.0.0.1:" + revos.process().port()),
                second.output());
        assertTrue(second.output().contains("REVOS_HTTP_PORT"), second.output());
        assertEquals(200, revos.get(RevosProcess.ADMIN_KEY, "/health").status(), "the first one serves on");
    }

    @Test
    void anAdminKeyWithoutTheKeyPrefixEndsTheStartWithAClearMessage() throws Exception {
        RevosProcess.Exit start = RevosProcess.startExpectingExit(Map.of("REVOS_HTTP_PORT", "0", "REVOS_ADMIN_KEY",
                "my-own-long-secret-admin-key-0123456789"));
        assertTrue(start.ended(), "a runtime whose admin key no request could use should stop:\n" + start.output());
        assertEquals(1, start.status(), start.output());
        assertTrue(start.output().contains("REVOS_ADMIN_KEY must start with rvs_"), start.output());
    }
}
