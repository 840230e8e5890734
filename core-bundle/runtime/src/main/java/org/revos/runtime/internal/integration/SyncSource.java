package org.revos.runtime.internal.integration;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Where a sync reads from: an {@code http(s)://} URL, or a file (a relative path is resolved against the data
 * folder's {@code sync} folder). The source is copied to a spool file first, so a run reads one consistent version.
 */
final class SyncSource {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private SyncSource() {
    }

    static boolean isUrl(String location) {
        return location.startsWith("http://") || location.startsWith("https://");
    }

    /** @throws IOException naming the location when it cannot be read */
    static Path fetch(String location, Path folder, Path spool) throws IOException {
        Files.createDirectories(spool);
        Path file = Files.createTempFile(spool, "sync-", ".csv");
        try {
            if (isUrl(location)) {
                HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(location))
                        .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    if (response.statusCode() / 100 != 2) {
                        throw new IOException(location + " answered HTTP " + response.statusCode());
                    }
                    Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } else {
                Path source = folder.resolve(location);
                if (!Files.isRegularFile(source)) {
                    throw new IOException("the source file " + source + " does not exist");
                }
                Files.copy(source, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ImportSource.delete(file);
            throw new IOException("interrupted while reading " + location, e);
        } catch (IOException | RuntimeException e) {
            ImportSource.delete(file);
            throw e instanceof IOException io ? io : new IOException(location + ": " + e.getMessage(), e);
        }
    }
}
