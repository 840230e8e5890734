package org.revos.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CleanupTest {

    @Test
    void undoesNewestFirstAndDeletesItsFolders() throws Exception {
        List<String> undone = new ArrayList<>();
        Path dir;
        try (Cleanup cleanup = new Cleanup()) {
            dir = cleanup.tempDir("cleanup-test-");
            Files.writeString(Files.createDirectories(dir.resolve("a/b")).resolve("file.txt"), "x");
            cleanup.register(() -> undone.add("server 1"));
            cleanup.register(() -> undone.add("server 2"));
        }
        assertEquals(List.of("server 2", "server 1"), undone);
        assertFalse(Files.exists(dir));
    }

    @Test
    void keepsUndoingWhenOneStepFails() {
        List<String> undone = new ArrayList<>();
        Cleanup cleanup = new Cleanup();
        cleanup.register(() -> undone.add("first"));
        cleanup.register(() -> {
            throw new IllegalStateException("boom");
        });
        cleanup.close();
        assertEquals(List.of("first"), undone);
    }

    @Test
    void closesWhatArrivesAfterItBegan() {
        List<String> undone = new ArrayList<>();
        Cleanup cleanup = new Cleanup();
        cleanup.close();
        assertThrows(IllegalStateException.class, () -> cleanup.register(() -> undone.add("late server")));
        assertEquals(List.of("late server"), undone);
    }
}
