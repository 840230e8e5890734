package org.revos.runtime.internal.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;
import org.revos.kernel.spi.Problem;

class ChangeTest {

    private static final Version RUNNING = Version.parseVersion("1.2.0");

    @Test
    void versionsDecideWhatAnInstallDoes() throws Exception {
        PluginJar newer = PluginJarTest.plugin("org.a", "1.3.0", "x");
        PluginJar rebuilt = PluginJarTest.plugin("org.a", "1.2.0", "rebuilt");
        assertEquals(Change.INSTALLED, Change.of(null, null, newer, false));
        assertEquals(Change.UPDATED, Change.of(RUNNING, "other", newer, false));
        assertEquals(Change.REINSTALLED, Change.of(RUNNING, "other", rebuilt, false));
        assertEquals(Change.UNCHANGED, Change.of(RUNNING, rebuilt.sha256(), rebuilt, false));
        assertEquals(Change.DOWNGRADED, Change.of(RUNNING, "other", PluginJarTest.plugin("org.a", "1.1.9", "x"), true));
    }

    @Test
    void anOlderVersionIsRefusedUnlessADowngradeIsAllowed() throws Exception {
        Problem refused = assertThrows(Problem.class, () -> Change.of(RUNNING, "other",
                PluginJarTest.plugin("org.a", "1.1.9", "x"), false));
        assertEquals(409, refused.status());
        assertTrue(refused.getMessage().contains("org.a 1.1.9 is older than the running 1.2.0"), refused.getMessage());
        assertTrue(refused.getMessage().contains("allowDowngrade=true"), refused.getMessage());
        assertEquals("Bundle-Version", refused.errors().get(0).field());
    }

    @Test
    void auditActionsNameTheChange() {
        assertEquals("PLUGIN_DOWNGRADED", Change.DOWNGRADED.auditAction());
    }
}
