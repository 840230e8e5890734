package org.revos.runtime.internal.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class RuntimeSettingsTest {

    @Test
    void defaultsListenOnLoopback8080WithLocalFolders() {
        RuntimeSettings s = RuntimeSettings.from(Map.of(), new Properties());
        assertEquals("127.0.0.1", s.httpHost());
        assertEquals(8080, s.httpPort());
        assertEquals(Path.of("data").toAbsolutePath(), s.dataDir());
        assertEquals(Path.of("deploy").toAbsolutePath(), s.deployDir());
        assertTrue(s.adminKey().isEmpty());
    }

    @Test
    void systemPropertiesWinOverEnvironment() {
        Properties system = new Properties();
        system.setProperty("revos.http.port", "9090");
        RuntimeSettings s = RuntimeSettings.from(Map.of("REVOS_HTTP_PORT", "7070", "REVOS_DATA_DIR", "/srv/revos"),
                system);
        assertEquals(9090, s.httpPort());
        assertEquals(Path.of("/srv/revos"), s.dataDir());
    }

    @Test
    void everyInvalidSettingIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuntimeSettings
                .from(Map.of("REVOS_HTTP_PORT", "eighty", "REVOS_ADMIN_KEY", "short"), new Properties()));
        assertTrue(e.getMessage().contains("REVOS_HTTP_PORT"), e.getMessage());
        assertTrue(e.getMessage().contains("REVOS_ADMIN_KEY"), e.getMessage());
    }

    @Test
    void anAdminKeyWithoutTheKeyPrefixIsRefusedRatherThanRefusedOnEveryRequest() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuntimeSettings
                .from(Map.of("REVOS_ADMIN_KEY", "my-own-long-secret-admin-key-123"), new Properties()));
        assertTrue(e.getMessage().contains("REVOS_ADMIN_KEY must start with rvs_"), e.getMessage());
    }

    @Test
    void secretsNeverAppearInToString() {
        RuntimeSettings s = RuntimeSettings.from(Map.of("REVOS_ADMIN_KEY", "rvs_super-secret-admin-key-123",
                "REVOS_DB_PASSWORD", "hunter2hunter2"), new Properties());
        assertFalse(s.toString().contains("super-secret"));
        assertFalse(s.toString().contains("hunter2"));
    }

    @Test
    void theOutboundAllowListTakesAddressesAndBlocksFromEitherForm() {
        assertTrue(RuntimeSettings.from(Map.of(), new Properties()).outboundAllow().isEmpty(), "nothing by default");
        RuntimeSettings env = RuntimeSettings.from(Map.of("REVOS_OUTBOUND_ALLOW", "127.0.0.1, 10.0.0.0/8 fd00::/8"),
                new Properties());
        assertEquals("[127.0.0.1/32, 10.0.0.0/8, fd00:0:0:0:0:0:0:0/8]", env.outboundAllow().toString());
        Properties system = new Properties();
        system.setProperty("revos.outbound.allow", "192.168.0.0/16");
        assertEquals("[192.168.0.0/16]", RuntimeSettings.from(Map.of("REVOS_OUTBOUND_ALLOW", "127.0.0.1"), system)
                .outboundAllow().toString());
    }

    @Test
    void anAllowListEntryThatIsNotAnAddressStopsTheStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuntimeSettings.from(
                Map.of("REVOS_OUTBOUND_ALLOW", "127.0.0.1,intranet.local"), new Properties()));
        assertTrue(e.getMessage().contains("REVOS_OUTBOUND_ALLOW") && e.getMessage().contains("intranet.local"),
                e.getMessage());
    }
}
