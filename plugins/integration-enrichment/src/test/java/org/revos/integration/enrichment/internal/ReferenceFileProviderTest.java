package org.revos.integration.enrichment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revos.api.model.ObjectType;
import org.revos.api.model.Tenant;
import org.revos.api.security.TenantFiles;
import org.revos.api.spi.EnrichmentRequest;
import org.revos.api.spi.Firmographics;

class ReferenceFileProviderTest {

    @TempDir
    Path dir;

    private static final Tenant A = new Tenant("ten_a", "A", "EUR", ZoneId.of("UTC"));
    private static final Tenant B = new Tenant("ten_b", "B", "EUR", ZoneId.of("UTC"));

    private static EnrichmentRequest ask(String domain) {
        return new EnrichmentRequest(ObjectType.ACCOUNT, "acc_1", domain, null, Set.of("country"));
    }

    /** The runtime's service, as far as this plugin relies on it: names inside tenants/<id>, absolute ones refused. */
    private TenantFiles files() {
        return (tenantId, name) -> {
            if (Path.of(name).isAbsolute() || name.contains("..")) {
                throw new IllegalArgumentException("is outside the tenant's folder");
            }
            return dir.resolve("tenants").resolve(tenantId).resolve(name);
        };
    }

    private ReferenceFileProvider provider() {
        return new ReferenceFileProvider(dir, files());
    }

    @Test
    void eachTenantReadsItsOwnFileFromItsFolderAndTheSharedDefaultOtherwise() throws Exception {
        Files.createDirectories(dir.resolve("tenants/ten_a"));
        Files.writeString(dir.resolve("tenants/ten_a/a.csv"), "domain,country\nacme.com,DE\n");
        Files.writeString(dir.resolve(ReferenceFileProvider.DEFAULT_FILE), "domain,country\nacme.com,FR\n");
        ReferenceFileProvider provider = provider();
        provider.addSettings(new TenantReference("ten_a", "a.csv"));
        assertEquals("DE", provider.enrich(A, ask("acme.com")).orElseThrow().country());
        assertEquals("FR", provider.enrich(B, ask("acme.com")).orElseThrow().country());
        provider.addSettings(new TenantReference("ten_b", "missing.csv"));
        assertEquals(Optional.empty(), provider.enrich(B, ask("acme.com")), "a missing file is no data");
    }

    @Test
    void aFileNamedOutsideTheTenantsFolderIsNeverReadAndEveryRequestSaysWhy() throws Exception {
        Path outside = Files.writeString(dir.resolve("outside.csv"), "domain,country\nacme.com,DE\n");
        ReferenceFileProvider provider = provider();
        provider.addSettings(new TenantReference("ten_a", outside.toString()));
        IOException refused = assertThrows(IOException.class, () -> provider.enrich(A, ask("acme.com")));
        assertTrue(refused.getMessage().contains("refused") && refused.getMessage().contains("ten_a"),
                refused.getMessage());
        provider.addSettings(new TenantReference("ten_b", "../ten_a/a.csv"));
        assertThrows(IOException.class, () -> provider.enrich(B, ask("acme.com")));
    }

    @Test
    void reloadsTheFileWhenItChangesAndOnlyThen() throws Exception {
        Path file = dir.resolve("ref.csv");
        Files.writeString(file, "domain,employees\nacme.com,10\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000));
        ReferenceCache cache = new ReferenceCache();
        ReferenceFile first = cache.get(file).orElseThrow();
        assertEquals(10, first.find("acme.com").employees());
        assertTrue(first == cache.get(file).orElseThrow(), "an unchanged file is not parsed again");

        Files.writeString(file, "domain,employees\nacme.com,20\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(2_000_000));
        assertEquals(20, cache.get(file).orElseThrow().find("acme.com").employees());

        Files.delete(file);
        assertEquals(Optional.empty(), cache.get(file));
    }

    @Test
    void aBrokenFileFailsTheCallSoTheRuntimeRetries() throws IOException {
        Files.writeString(dir.resolve(ReferenceFileProvider.DEFAULT_FILE), "country\nDE\n");
        ReferenceFileProvider provider = provider();
        assertThrows(IOException.class, () -> provider.enrich(A, ask("acme.com")));
    }

    @Test
    void answersNothingForAnUnknownDomain() throws Exception {
        Files.writeString(dir.resolve(ReferenceFileProvider.DEFAULT_FILE), "domain,country\nacme.com,DE\n");
        Optional<Firmographics> none = provider().enrich(A, ask("other.com"));
        assertEquals(Optional.empty(), none);
    }
}
