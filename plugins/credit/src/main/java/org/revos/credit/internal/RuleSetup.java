package org.revos.credit.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.revos.api.spi.CreditInput;
import org.revos.api.spi.CreditRule;
import org.revos.kernel.spi.Contributions.Contribution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

/**
 * A tenant's credit setup: the rule its versions name, the plugin that provides it (absent when that plugin is not
 * installed or not enabled for the tenant), and the versions in effective order.
 *
 * @param handover whether an account turning green is handed from its AE to an AM (the latest version says)
 */
record RuleSetup(String ruleId, Contribution<CreditRule> plugin, List<CreditInput.Version> versions,
        boolean handover) {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    boolean active() {
        return plugin != null;
    }

    static List<CreditInput.Version> versions(List<CreditRuleVersionEntity> stored, ZoneId zone) {
        return stored.stream().map(v -> new CreditInput.Version(v.id,
                LocalDate.parse(v.effectiveFrom).atStartOfDay(zone).toInstant(), settings(v))).toList();
    }

    static Map<String, Object> settings(CreditRuleVersionEntity v) {
        try {
            Map<String, Object> settings = new LinkedHashMap<>(CreditJson.MAPPER.readValue(v.settingsJson, MAP));
            // a version stored before null settings were refused: a null setting is the rule's default
            settings.values().removeIf(Objects::isNull);
            return settings;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored credit rule version " + v.id + " is unreadable", e);
        }
    }
}
