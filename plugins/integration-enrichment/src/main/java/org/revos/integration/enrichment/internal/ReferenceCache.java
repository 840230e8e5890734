package org.revos.integration.enrichment.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed reference files by path, each read again when its modification time or size changes; tenants that share a
 * file share one parse. A file that does not exist is no reference data (empty), not an error.
 */
final class ReferenceCache {

    private record Entry(long modified, long size, ReferenceFile file) {
    }

    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();

    /**
     * @return the file's current content, empty when there is no such file
     * @throws IOException when the file exists but cannot be read or parsed
     */
    Optional<ReferenceFile> get(Path path) throws IOException {
        Path key = path.toAbsolutePath().normalize();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(key, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            entries.remove(key);
            return Optional.empty();
        }
        long modified = attributes.lastModifiedTime().toMillis();
        Entry cached = entries.get(key);
        if (cached != null && cached.modified() == modified && cached.size() == attributes.size()) {
            return Optional.of(cached.file());
        }
        try (Reader in = Files.newBufferedReader(key, StandardCharsets.UTF_8)) {
            ReferenceFile parsed = ReferenceFile.parse(in, key.toString());
            entries.put(key, new Entry(modified, attributes.size(), parsed));
            return Optional.of(parsed);
        }
    }
}
