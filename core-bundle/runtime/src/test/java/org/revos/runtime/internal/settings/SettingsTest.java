package org.revos.runtime.internal.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.revos.kernel.spi.Knobs;

/** The runtime's configuration lies over the environment and system properties, which lie over the defaults. */
class SettingsTest {

    /** A configuration of {@code values} by attribute name; the others empty. */
    private static Settings.Config config(Map<String, String> values) {
        return (Settings.Config) java.lang.reflect.Proxy.newProxyInstance(SettingsTest.class.getClassLoader(),
                new Class<?>[] { Settings.Config.class }, (proxy, method, args) -> method.getName().equals(
                        "annotationType") ? Settings.Config.class : values.getOrDefault(method.getName(), ""));
    }

    /** A bundle context whose only framework property is {@code name}. */
    private static BundleContext framework(String name, String value) {
        return (BundleContext) java.lang.reflect.Proxy.newProxyInstance(SettingsTest.class.getClassLoader(),
                new Class<?>[] { BundleContext.class }, (proxy, method, args) -> method.getName().equals(
                        "getProperty") && name.equals(args[0]) ? value : null);
    }

    @Test
    void configurationBeatsSystemPropertiesWhichBeatTheEnvironment() {
        Properties system = new Properties();
        system.setProperty("revos.http.port", "9090");
        Map<String, String> env = Map.of("REVOS_HTTP_PORT", "7070", "REVOS_DATA_DIR", "/srv/revos",
                "REVOS_HTTP_HOST", "127.0.0.2");
        RuntimeSettings none = Settings.resolve(config(Map.of()), env, system).orElseThrow();
        assertEquals(9090, none.httpPort(), "a system property wins over the environment");
        assertEquals(Path.of("/srv/revos"), none.dataDir());
        assertEquals("127.0.0.2", none.httpHost());

        RuntimeSettings configured = Settings.resolve(config(Map.of("httpPort", "8181", "outboundAllow",
                "10.0.0.0/8 127.0.0.1")), env, system).orElseThrow();
        assertEquals(8181, configured.httpPort(), "the configuration wins over both");
        assertEquals(2, configured.outboundAllow().size());
        assertEquals("127.0.0.2", configured.httpHost(), "what the configuration leaves empty keeps its source");
    }

    @Test
    void anUnusableConfigurationIsNotUsedAndTheSettingsStay() {
        assertTrue(Settings.resolve(config(Map.of("httpPort", "eighty")), Map.of(), new Properties()).isEmpty());
        assertTrue(Settings.resolve(config(Map.of("outboundAllow", "example.com")), Map.of(), new Properties())
                .isEmpty(), "host names are refused: the allowance names addresses");

        Settings settings = new Settings(config(Map.of("httpPort", "8181")));
        List<Integer> seen = new java.util.ArrayList<>();
        settings.onChange(s -> seen.add(s.httpPort()));
        settings.modified(config(Map.of("httpPort", "eighty")));
        settings.modified(config(Map.of("httpPort", "8282")));
        assertEquals(List.of(8181, 8282), seen, "listeners hear the settings now, then each usable change");
        assertEquals(8282, settings.current().httpPort());
    }

    @Test
    void aKnobIsTheConfigurationsThenTheFrameworkPropertysThenTheDefault() {
        assertEquals(5, Knobs.positive(5, framework("revos.x.ms", "7"), "revos.x.ms", 100));
        assertEquals(7, Knobs.positive(0, framework("revos.x.ms", "7"), "revos.x.ms", 100));
        assertEquals(100, Knobs.positive(0, framework("revos.x.ms", "soon"), "revos.x.ms", 100));
        assertEquals(100, Knobs.positive(0, framework("revos.x.ms", "-3"), "revos.x.ms", 100));
        assertEquals(100, Knobs.positive(0, framework("other", "7"), "revos.x.ms", 100));
    }
}
