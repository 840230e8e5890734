package org.revos.credit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.revos.api.spi.CreditInput;

/** Stored rule versions are read as the rule's settings, whatever an earlier version of RevOS let through. */
class RuleSetupTest {

    @Test
    void aNullSettingStoredEarlierIsTheRulesDefaultNotAFailure() {
        CreditRuleVersionEntity stored = new CreditRuleVersionEntity();
        stored.id = "crv_1";
        stored.effectiveFrom = "2026-01-01";
        stored.settingsJson = "{\"threshold\": 100, \"spillCreditTo\": null}";
        List<CreditInput.Version> versions = RuleSetup.versions(List.of(stored), ZoneId.of("Asia/Kathmandu"));
        assertEquals(Map.of("threshold", 100), versions.get(0).settings());
        assertEquals("2025-12-31T18:15:00Z", versions.get(0).effectiveFrom().toString(),
                "the version starts at the tenant's midnight");
    }
}
