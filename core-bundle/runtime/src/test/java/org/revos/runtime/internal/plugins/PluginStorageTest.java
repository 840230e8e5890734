package org.revos.runtime.internal.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginStorageTest {

    @Test
    void jarsAndOriginsAreStoredReplacedAndDeleted(@TempDir Path dir) throws Exception {
        PluginStorage storage = new PluginStorage(dir.resolve("plugins"));
        assertEquals(List.of(), storage.list());
        storage.save("org.b", new byte[] { 1 }, PluginInstaller.UPLOAD);
        storage.save("org.a", new byte[] { 2 }, "deploy:a.jar");
        storage.save("org.b", new byte[] { 3 }, "deploy:b.jar");
        List<PluginStorage.Stored> stored = storage.list();
        assertEquals(List.of("org.a", "org.b"), stored.stream().map(PluginStorage.Stored::id).toList());
        assertEquals("deploy:b.jar", stored.get(1).origin());
        assertArrayEquals(new byte[] { 3 }, Files.readAllBytes(stored.get(1).jar()));
        storage.saveOrigin("org.b", PluginInstaller.UPLOAD);
        assertEquals(PluginInstaller.UPLOAD, storage.list().get(1).origin());
        storage.delete("org.a");
        assertEquals(List.of("org.b"), storage.list().stream().map(PluginStorage.Stored::id).toList());
        try (var files = Files.list(dir.resolve("plugins"))) {
            assertEquals(2, files.count(), "no temporary files are left behind");
        }
    }
}
