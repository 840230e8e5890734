package org.revos.runtime.internal.gateway;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SwapHoldTest {

    @Test
    void everyApiPathButHealthAndAdminIsHeld() {
        assertTrue(SwapHold.isHeld("/api/v1/kpis/win_rate"));
        assertTrue(SwapHold.isHeld("/api/v1/hello"));
        assertTrue(SwapHold.isHeld("/api/v1/deals/d1/transitions"));
        assertTrue(SwapHold.isHeld("/api/v1/administrators"), "only the admin segment itself is exempt");
        assertFalse(SwapHold.isHeld("/api/v1/health"));
        assertFalse(SwapHold.isHeld("/api/v1/admin/plugins"), "the admin API runs the swaps");
        assertFalse(SwapHold.isHeld("/api/v1/admin"));
        assertFalse(SwapHold.isHeld("/favicon.ico"));
        assertFalse(SwapHold.isHeld(null));
    }
}
