package org.revos.runtime.internal.plugins;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.revos.runtime.internal.settings.Settings;

/**
 * The accepted plugin jars, kept under {@code REVOS_DATA_DIR/plugins/<id>.jar} so that they are installed again when
 * the runtime starts (the framework's own cache starts empty each time). Next to each jar, {@code <id>.origin} says
 * where it came from: {@code upload}, {@code shipped} or {@code deploy:<file name>}. {@value #SEEDED} lists the
 * shipped plugins that were ever seeded, so that one an admin removed stays removed. Files are replaced atomically.
 */
@Component(service = PluginStorage.class)
public final class PluginStorage {

    /** One stored plugin. */
    public record Stored(String id, Path jar, String origin) {
    }

    private static final String JAR = ".jar";
    private static final String ORIGIN = ".origin";
    private static final String SIGNER = ".signer";
    static final String SEEDED = "shipped.seeded";

    private final Path dir;

    @Activate
    public PluginStorage(@Reference Settings settings) {
        this(settings.current().dataDir().resolve("plugins"));
    }

    PluginStorage(Path dir) {
        this.dir = dir;
    }

    /** Stores (or replaces) a plugin's jar and origin. */
    public void save(String id, byte[] jar, String origin) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve(id + ORIGIN), origin.getBytes(StandardCharsets.UTF_8));
        write(dir.resolve(id + JAR), jar);
    }

    /** Records a new origin for a stored plugin whose jar did not change. */
    public void saveOrigin(String id, String origin) throws IOException {
        if (Files.exists(dir.resolve(id + JAR))) {
            write(dir.resolve(id + ORIGIN), origin.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Forgets a plugin; it will not come back at the next start. */
    public void delete(String id) throws IOException {
        Files.deleteIfExists(dir.resolve(id + JAR));
        Files.deleteIfExists(dir.resolve(id + ORIGIN));
        Files.deleteIfExists(dir.resolve(id + SIGNER));
    }

    /**
     * Records who signed the stored jar of {@code id} (checked when it was installed), keyed by the jar's SHA-256, so
     * that a restart need not check the signature again: checking the shipped plugins' signatures cold costs about
     * half a second of start-up.
     */
    public void saveSigner(String id, String sha256, Optional<java.security.cert.X509Certificate> signer)
            throws IOException {
        Files.createDirectories(dir);
        String text = "sha256=" + sha256 + "\n" + (signer.isEmpty() ? "unsigned=true\n" : "certificate="
                + java.util.Base64.getEncoder().encodeToString(encoded(signer.get())) + "\n");
        write(dir.resolve(id + SIGNER), text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @return who signed the stored jar of {@code id} as recorded for the jar with {@code sha256}: an empty inner
     *         value for an unsigned jar; empty when nothing usable is recorded for that jar (check it again)
     */
    public Optional<Optional<java.security.cert.X509Certificate>> signer(String id, String sha256) {
        try {
            Path file = dir.resolve(id + SIGNER);
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            java.util.Properties recorded = new java.util.Properties();
            try (var in = Files.newInputStream(file)) {
                recorded.load(in);
            }
            if (!sha256.equals(recorded.getProperty("sha256"))) {
                return Optional.empty();
            }
            if ("true".equals(recorded.getProperty("unsigned"))) {
                return Optional.of(Optional.empty());
            }
            byte[] der = java.util.Base64.getDecoder().decode(recorded.getProperty("certificate", ""));
            return Optional.of(Optional.of((java.security.cert.X509Certificate) java.security.cert.CertificateFactory
                    .getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(der))));
        } catch (IOException | IllegalArgumentException | ClassCastException
                | java.security.cert.CertificateException unreadable) {
            return Optional.empty();
        }
    }

    private static byte[] encoded(java.security.cert.X509Certificate certificate) throws IOException {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IOException("A parsed certificate has an encoding", e);
        }
    }

    /** @return every stored plugin, ordered by id */
    public List<Stored> list() throws IOException {
        List<Stored> stored = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return stored;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "*" + JAR)) {
            for (Path jar : jars) {
                String name = jar.getFileName().toString();
                String id = name.substring(0, name.length() - JAR.length());
                stored.add(new Stored(id, jar, origin(id).orElse(PluginInstaller.UPLOAD)));
            }
        }
        stored.sort((a, b) -> a.id().compareTo(b.id()));
        return stored;
    }

    /** @return the ids of the shipped plugins seeded so far */
    public Set<String> seeded() throws IOException {
        Path file = dir.resolve(SEEDED);
        if (!Files.exists(file)) {
            return Set.of();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::trim).filter(l -> !l.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Records {@code ids} as seeded (replacing the list). */
    public void recordSeeded(Set<String> ids) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve(SEEDED), (String.join("\n", new TreeSet<>(ids)) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private Optional<String> origin(String id) throws IOException {
        Path file = dir.resolve(id + ORIGIN);
        return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim())
                : Optional.empty();
    }

    private static void write(Path target, byte[] content) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, content);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
