package org.revos.runtime.internal.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.Violations;
import org.revos.runtime.internal.json.Json;

import com.fasterxml.jackson.databind.JsonNode;

class PluginConfigTest {

    @Test
    void settingsBecomeConfigurationAdminProperties() throws Exception {
        JsonNode config = Json.MAPPER.readTree("""
                {"greeting": "hi", "limit": 3, "ratio": 0.5, "on": true,
                 "names": ["a", "b"], "sizes": [1, 2], "weights": [1, 2.5], "flags": [true], "none": []}""");
        Violations v = new Violations();
        PluginConfig.validate(config, v);
        assertTrue(v.isEmpty(), v.list()::toString);
        Map<String, Object> properties = PluginConfig.properties("ten_1", config);
        assertEquals("ten_1", properties.get(PluginConfig.TENANT_PROPERTY));
        assertEquals("hi", properties.get("greeting"));
        assertEquals(3L, properties.get("limit"));
        assertEquals(0.5, properties.get("ratio"));
        assertEquals(Boolean.TRUE, properties.get("on"));
        assertArrayEquals(new String[] { "a", "b" }, (String[]) properties.get("names"));
        assertArrayEquals(new Long[] { 1L, 2L }, (Long[]) properties.get("sizes"));
        assertArrayEquals(new Double[] { 1.0, 2.5 }, (Double[]) properties.get("weights"));
        assertArrayEquals(new Boolean[] { true }, (Boolean[]) properties.get("flags"));
        assertArrayEquals(new String[0], (String[]) properties.get("none"));
    }

    @Test
    void everyUnusableSettingIsListed() throws Exception {
        JsonNode config = Json.MAPPER.readTree("""
                {"service.pid": "x", "revos.tenant": "other", "objectClass": "x", "bad key": 1,
                 "nested": {"a": 1}, "mixed": [1, "a"], "deep": [[1]], "nothing": null}""");
        Violations v = new Violations();
        PluginConfig.validate(config, v);
        assertEquals(List.of("config.service.pid", "config.revos.tenant", "config.objectClass", "config.bad key",
                "config.nested", "config.mixed", "config.deep", "config.nothing"),
                v.list().stream().map(FieldError::field).toList());
    }

    @Test
    void theConfigMustBeAnObject() throws Exception {
        Violations v = new Violations();
        PluginConfig.validate(Json.MAPPER.readTree("[1]"), v);
        assertEquals("config", v.list().get(0).field());
    }
}
