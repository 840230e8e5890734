package org.revos.integration.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.revos.api.security.TenantFiles;
import org.revos.kernel.spi.EngineFiles;
import org.revos.kernel.spi.OutboundPolicy;

/**
 * Where a sync reads from and writes to: an {@code http(s)://} URL (inbound only), or a file named relative to the
 * tenant's folder ({@link TenantFiles}, the kernel's confinement). A definition's location is checked when it is created and again at every
 * run, so a definition stored before a rule existed, or a link placed later, fails its run instead of reaching out.
 * An inbound source is copied to a spool file first, so a run reads one consistent version; a URL is called only
 * when the kernel's {@link OutboundPolicy} allows it, and each redirect only when it allows the new address too.
 */
@Component(service = SyncSource.class)
public final class SyncSource {

    private static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final TenantFiles folders;
    private final OutboundPolicy outbound;
    private final Path spool;

    @Activate
    public SyncSource(@Reference TenantFiles folders, @Reference OutboundPolicy outbound,
            @Reference EngineFiles files) throws IOException {
        this(folders, outbound, files.folder("imports"));
    }

    SyncSource(TenantFiles folders, OutboundPolicy outbound, Path spool) {
        this.folders = folders;
        this.outbound = outbound;
        this.spool = spool;
    }

    static boolean isUrl(String location) {
        return location.startsWith("http://") || location.startsWith("https://");
    }

    /**
     * At configuration time.
     *
     * @return why the tenant may not use the location, in words that follow the field name; empty when it may
     */
    Optional<String> refusal(String tenantId, String location) {
        if (isUrl(location)) {
            try {
                return outbound.refusal(new URI(location));
            } catch (URISyntaxException e) {
                return Optional.of("is not a valid URL: " + e.getReason());
            }
        }
        try {
            folders.resolve(tenantId, location);
            return Optional.empty();
        } catch (IllegalArgumentException e) { // the kernel's refusal of the name, in plain words
            return Optional.of(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("The folder of tenant " + tenantId + " cannot be used", e);
        }
    }

    /** @return the file an outbound sync writes, inside the tenant's folder */
    Path target(String tenantId, String location) throws IOException {
        return file(tenantId, location);
    }

    /**
     * @return a spool copy of the source, for the caller to delete
     * @throws IOException naming the location when it cannot or may not be read
     */
    Path fetch(String tenantId, String location) throws IOException {
        Files.createDirectories(spool);
        Path copy = Files.createTempFile(spool, "sync-", ".csv");
        try {
            if (isUrl(location)) {
                download(URI.create(location), copy);
            } else {
                Path source = file(tenantId, location);
                if (!Files.isRegularFile(source)) {
                    throw new IOException("the source file " + location + " does not exist in the tenant's folder");
                }
                Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ImportSource.delete(copy);
            throw new IOException("interrupted while reading " + location, e);
        } catch (IOException | RuntimeException e) {
            ImportSource.delete(copy);
            throw e instanceof IOException io ? io : new IOException(location + ": " + e.getMessage(), e);
        }
    }

    private Path file(String tenantId, String location) throws IOException {
        if (isUrl(location)) {
            throw new IOException("the location " + location + " is a URL; an outbound sync writes a file");
        }
        try {
            return folders.resolve(tenantId, location);
        } catch (IllegalArgumentException e) { // the kernel's refusal of the name, in plain words
            throw new IOException("the location " + location + " was refused and nothing was read or written: it "
                    + e.getMessage());
        }
    }

    private void download(URI url, Path copy) throws IOException, InterruptedException {
        URI next = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            outbound.checkBeforeConnecting(next);
            HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(next)
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                Optional<String> moved = response.headers().firstValue("Location");
                if (REDIRECTS.contains(response.statusCode()) && moved.isPresent()) {
                    next = next.resolve(moved.get());
                    continue;
                }
                if (response.statusCode() / 100 != 2) {
                    throw new IOException(next + " answered HTTP " + response.statusCode());
                }
                Files.copy(body, copy, StandardCopyOption.REPLACE_EXISTING);
                return;
            }
        }
        throw new IOException(url + " redirected more than " + MAX_REDIRECTS + " times");
    }
}
