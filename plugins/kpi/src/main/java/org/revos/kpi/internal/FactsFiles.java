package org.revos.kpi.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.revos.api.model.Tenant;
import org.revos.api.query.Facts;
import org.revos.api.query.FactsFile;
import org.revos.kernel.spi.SnapshotSeals;

/**
 * Each tenant's facts on disk, {@code data/kpi/<tenantId>.facts} ({@link FactsFile}'s format), so that the first KPI
 * request after a restart does not read the whole store again. A file is used only when the kernel's seal of the
 * tenant still holds the token written into it ({@link SnapshotSeals}): the seal is taken once the file is durable,
 * with the tenant's commit counter at the number of the snapshot written, and the next write of the tenant clears it
 * in its own transaction. Any doubt (no seal, another token, a file damaged, of another format or tenant, a database
 * that does not answer) means: no file, read from the store; a file that can never be used again is deleted.
 */
final class FactsFiles {

    private static final Logger LOG = Logger.getLogger(FactsFiles.class.getName());

    private final SnapshotSeals seals;
    private final Path folder;

    FactsFiles(SnapshotSeals seals, Path folder) {
        this.seals = seals;
        this.folder = folder;
    }

    /** A snapshot read from its file, and the token its seal holds. */
    record Loaded(Facts facts, String token) {
    }

    /**
     * @param asOf the instant the loaded snapshot describes
     * @return the tenant's facts from its file when the tenant's seal holds the file's token; empty otherwise
     */
    Optional<Loaded> load(Tenant tenant, Instant asOf) {
        Path file = file(tenant.id());
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        long start = System.nanoTime();
        Optional<String> seal;
        try {
            seal = seals.seal(tenant.id());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read the seal of tenant " + tenant.id() + "; reading its facts from the"
                    + " store rather than from " + file, e);
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw new IOException("the file is larger than 2 GiB");
            }
            ByteBuffer content = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            String token = FactsFile.stamp(content);
            if (seal.isEmpty() || !seal.get().equals(token)) {
                LOG.info("The facts file of tenant " + tenant.id() + " is not current (" + (seal.isEmpty()
                        ? "the tenant was written since it was taken" : "the tenant was sealed under another token")
                        + "); reading the facts from the store and deleting " + file);
                delete(file);
                return Optional.empty();
            }
            Facts facts = FactsFile.read(tenant, asOf, content);
            LOG.info(String.format("Loaded the facts of tenant %s from %s in %,d ms (sealed %s, no write since)",
                    tenant.id(), file, (System.nanoTime() - start) / 1_000_000, token));
            return Optional.of(new Loaded(facts, token));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "The facts file " + file + " of tenant " + tenant.id() + " cannot be used ("
                    + e.getMessage() + "); reading the facts from the store and deleting it", e);
            delete(file);
            return Optional.empty();
        }
    }

    /**
     * Writes {@code facts} durably under a new token (a temporary file, forced to disk, renamed over the tenant's
     * file), then seals the tenant at {@code commit}.
     *
     * @return the token when the tenant was sealed; empty when a write came first or anything failed (the file is
     *         then deleted: it can never be current)
     */
    synchronized Optional<String> persist(Facts facts, long commit) {
        String tenantId = facts.tenant().id();
        Path file = file(tenantId);
        if (file == null) {
            return Optional.empty();
        }
        String token = UUID.randomUUID().toString();
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        long start = System.nanoTime();
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                FactsFile.write(facts, token, out);
                out.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            forceFolder();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not write the facts file of tenant " + tenantId + "; the next start reads"
                    + " them from the store", e);
            delete(temp);
            return Optional.empty();
        }
        if (!seals.seal(tenantId, commit, token)) {
            LOG.fine(() -> "Tenant " + tenantId + " was written while its facts file was taken; the file is dropped");
            delete(file);
            return Optional.empty();
        }
        LOG.info(String.format("Wrote the facts of tenant %s to %s in %,d ms (%,d bytes), sealed %s", tenantId, file,
                (System.nanoTime() - start) / 1_000_000, size(file), token));
        return Optional.of(token);
    }

    /** @return whether the tenant's seal still holds {@code token} (a database that does not answer: no) */
    boolean sealed(String tenantId, String token) {
        try {
            return seals.seal(tenantId).map(token::equals).orElse(false);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** @return the tenant's file; {@code null} for a tenant id that is no plain file name */
    Path file(String tenantId) {
        if (!tenantId.matches("[A-Za-z0-9_-]{1,100}")) {
            return null;
        }
        return folder.resolve(tenantId + ".facts");
    }

    private void forceFolder() {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | RuntimeException e) {
            // not every file system lets a folder be forced; the seal below is what counts
            LOG.log(Level.FINE, "Could not force " + folder, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.FINE, "Could not delete " + file, e);
        }
    }
}
