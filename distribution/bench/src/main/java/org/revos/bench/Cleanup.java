package org.revos.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Everything the bench must undo: server processes and temporary folders, undone in reverse order when the run ends,
 * fails, or the JVM is interrupted (a shutdown hook runs {@link #close()} too).
 */
public final class Cleanup implements AutoCloseable {

    private final Deque<AutoCloseable> undo = new ArrayDeque<>();
    private final Thread hook = new Thread(this::close, "bench-cleanup");
    private boolean closing;

    public Cleanup() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * @return {@code resource}, to be closed when this cleanup runs
     * @throws IllegalStateException when the cleanup has begun (the bench is stopping); the resource is closed at once
     */
    public synchronized <T extends AutoCloseable> T register(T resource) {
        if (closing) {
            closeQuietly(resource);
            throw new IllegalStateException("The bench is stopping");
        }
        undo.push(resource);
        return resource;
    }

    /** Creates a temporary folder that is deleted, with everything in it, when this cleanup runs. */
    public Path tempDir(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        register(() -> deleteTree(dir));
        return dir;
    }

    /**
     * Closes everything registered, newest first. Synchronized as a whole, so that the shutdown hook and the main
     * thread never undo things at once (a folder must not be deleted while the server using it still runs).
     */
    @Override
    public synchronized void close() {
        closing = true;
        for (AutoCloseable next = undo.poll(); next != null; next = undo.poll()) {
            closeQuietly(next);
        }
        if (Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            System.err.println("cleanup: " + e);
        }
    }

    /** Deletes a folder and everything in it; a missing folder is fine. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + root, e);
        }
    }
}
