package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * GET /api/v1/runtime says which API packages (and engine SPI packages) this runtime offers in which versions — what
 * decides whether a plugin built against an API release installs — read from the live framework, so it agrees with
 * the API bundle the runnable jar carries.
 */
@ExtendWith(RevosExtension.class)
class RuntimeDescriptionIT {

    private final Revos revos;

    RuntimeDescriptionIT(Revos revos) {
        this.revos = revos;
    }

    @Test
    void listsTheApiPackagesTheRunnableJarCarriesInTheirVersions() throws IOException {
        assertEquals(401, revos.get(null, "/runtime").status());
        Revos.Tenant tenant = revos.newTenant("compatibility");
        JsonNode runtime = revos.get(tenant.readOnly(), "/runtime").expect(200);
        assertTrue(runtime.at("/platform/framework").asText().startsWith("org.apache.felix.framework"),
                runtime::toString);
        Map<String, String> served = new TreeMap<>();
        runtime.get("apiPackages").forEach(p -> served.put(p.get("name").asText(), p.get("version").asText()));
        assertEquals(exportedByApiJar(), served, "every package the API bundle exports, in its version");
        assertTrue(runtime.get("engineSpiPackages").findValuesAsText("name").contains("org.revos.kernel.spi"),
                runtime::toString);
        assertEquals(200, revos.get(RevosProcess.ADMIN_KEY, "/runtime").status(), "platform keys read it too");
    }

    /** @return the Export-Package of the API jar inside the runnable jar: package → version */
    private static Map<String, String> exportedByApiJar() throws IOException {
        Path runtime = Path.of(System.getProperty("revos.jar", "target/revos.jar"));
        try (JarFile outer = new JarFile(runtime.toFile())) {
            var entry = outer.stream().filter(e -> e.getName().matches("jar/org\\.revos\\.api-.*\\.jar")).findFirst()
                    .orElseThrow();
            try (JarInputStream api = new JarInputStream(new ByteArrayInputStream(outer.getInputStream(entry)
                    .readAllBytes()))) {
                String header = api.getManifest().getMainAttributes().getValue("Export-Package");
                Map<String, String> out = new TreeMap<>();
                // clauses are "name;attr=...;version=\"1.2.0\"" separated by commas outside quotes
                for (String clause : header.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
                    String[] parts = clause.split(";");
                    String version = "0.0.0";
                    for (String p : parts) {
                        if (p.trim().startsWith("version=")) {
                            version = p.trim().substring("version=".length()).replace("\"", "");
                        }
                    }
                    out.put(parts[0].trim(), version);
                }
                return out;
            }
        }
    }
}
