package org.revos.runtime.internal.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;
import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.Problem;

class PluginJarTest {

    @Test
    void aPluginBundleIsAccepted() throws IOException {
        PluginJar jar = PluginJar.read(jar(Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName",
                "org.acme.plugin;singleton:=false", "Bundle-Version", "1.2.3.rc1", "RevOS-Plugin", "true")));
        assertEquals("org.acme.plugin", jar.id());
        assertEquals(Version.parseVersion("1.2.3.rc1"), jar.version());
        assertEquals(64, jar.sha256().length());
        assertEquals("org.acme.plugin 1.2.3.rc1", jar.label());
    }

    @Test
    void everyReasonAJarIsNotAPluginIsListed() throws IOException {
        Problem problem = assertThrows(Problem.class, () -> PluginJar.read(jar(Map.of("Bundle-SymbolicName",
                "org.acme/../x;singleton:=true", "Bundle-Version", "one", "Fragment-Host", "org.revos.runtime"))));
        assertEquals(422, problem.status());
        assertEquals(List.of("Bundle-ManifestVersion", "Bundle-SymbolicName", "Bundle-SymbolicName",
                "Bundle-Version", "RevOS-Plugin", "Fragment-Host"),
                problem.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void theCoreCannotBeReplaced() throws IOException {
        Problem problem = assertThrows(Problem.class, () -> PluginJar.read(jar(Map.of("Bundle-ManifestVersion", "2",
                "Bundle-SymbolicName", "org.revos.runtime", "RevOS-Plugin", "true"))));
        assertTrue(problem.getMessage().contains("core bundle"), problem.getMessage());
    }

    @Test
    void bytesThatAreNoJarAreABadRequest() {
        Problem problem = assertThrows(Problem.class, () -> PluginJar.read("hello".getBytes()));
        assertEquals(400, problem.status());
        assertEquals("body", problem.errors().get(0).field());
    }

    static byte[] jar(Map<String, String> headers) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach(manifest.getMainAttributes()::putValue);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new JarOutputStream(bytes, manifest).close();
        return bytes.toByteArray();
    }

    /** @return a minimal plugin jar; {@code content} changes its bytes (and so its SHA-256) at the same version */
    static PluginJar plugin(String id, String version, String content) throws IOException {
        return PluginJar.read(jar(Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", id, "Bundle-Version",
                version, "RevOS-Plugin", "true", "X-Content", content)));
    }
}
