package org.revos.runtime.internal.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.revos.runtime.internal.gateway.CallRecord;

import com.fasterxml.jackson.databind.node.ObjectNode;

class PluginViewTest {

    private final PluginView active = new PluginView("com.example.kpi", "1.0.0", PluginState.ACTIVE,
            List.of("org.revos.api.spi.KpiCalculator"), null);

    @Test
    void aPluginFencedOffForATenantIsShownQuarantinedWithItsTenants() {
        CallRecord record = new CallRecord("com.example.kpi", 12, 6, 1, 2, 3.25, 40, Set.of("ten_a"),
                "failed in kpi x: boom");
        ObjectNode json = active.withCalls(Optional.of(record)).toJson();
        assertEquals("QUARANTINED", json.get("state").asText());
        assertEquals("failed in kpi x: boom", json.get("error").asText());
        assertEquals(12, json.get("calls").get("count").asInt());
        assertEquals("ten_a", json.get("calls").get("quarantinedFor").get(0).asText());
    }

    @Test
    void aHealthyRecordLeavesTheStateAlone() {
        CallRecord record = new CallRecord("com.example.kpi", 3, 0, 0, 0, 1.0, 2, Set.of(), null);
        ObjectNode json = active.withCalls(Optional.of(record)).toJson();
        assertEquals("ACTIVE", json.get("state").asText());
        assertEquals(0, json.get("calls").get("quarantinedFor").size());
    }

    @Test
    void aFailedPluginStaysFailedAndNeverCalledPluginsHaveNoRecord() {
        PluginView failed = new PluginView("x", "1.0.0", PluginState.FAILED, List.of(), "activate threw");
        CallRecord record = new CallRecord("x", 5, 5, 0, 0, 1.0, 2, Set.of("ten_a"), "later");
        assertEquals("FAILED", failed.withCalls(Optional.of(record)).toJson().get("state").asText());
        assertEquals("activate threw", failed.withCalls(Optional.of(record)).toJson().get("error").asText());
        assertFalse(active.withCalls(Optional.empty()).toJson().has("calls"));
    }
}
