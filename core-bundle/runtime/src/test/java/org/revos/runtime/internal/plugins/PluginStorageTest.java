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

    @Test
    void theSignerIsRememberedForTheJarItSignedOnly(@TempDir Path dir) throws Exception {
        PluginStorage storage = new PluginStorage(dir.resolve("plugins"));
        java.security.cert.X509Certificate certificate = (java.security.cert.X509Certificate)
                java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(
                        new java.io.ByteArrayInputStream(java.util.Base64.getMimeDecoder().decode(CERTIFICATE)));
        org.junit.jupiter.api.Assertions.assertTrue(storage.signer("p", "aa").isEmpty(), "nothing recorded yet");
        storage.saveSigner("p", "aa", java.util.Optional.of(certificate));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Optional.of(java.util.Optional.of(certificate)),
                storage.signer("p", "aa"));
        org.junit.jupiter.api.Assertions.assertTrue(storage.signer("p", "bb").isEmpty(),
                "another jar under the same id is checked again");
        storage.saveSigner("p", "bb", java.util.Optional.empty());
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Optional.of(java.util.Optional.empty()),
                storage.signer("p", "bb"), "an unsigned jar is remembered as unsigned");
        java.nio.file.Files.writeString(dir.resolve("plugins/p.signer"), "sha256=bb\ncertificate=%%%\n");
        org.junit.jupiter.api.Assertions.assertTrue(storage.signer("p", "bb").isEmpty(), "unreadable: check again");
        storage.delete("p");
        org.junit.jupiter.api.Assertions.assertTrue(storage.signer("p", "bb").isEmpty(), "forgotten with its jar");
    }

    /** A self-signed EC certificate (CN=Test signer), DER in base64. */
    private static final String CERTIFICATE = "MIIBRDCB7KADAgECAgkArotyXuKEsZYwCgYIKoZIzj0EAwIwFjEUMBIGA1UEAxMLVGVzdCBzaWduZXIwIBcNMjYxMjA3MjI1NzQy"
            + "WhgPMjEyNjExMTMyMjU3NDJaMBYxFDASBgNVBAMTC1Rlc3Qgc2lnbmVyMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE1Ii4u7N+"
            + "z1pM7xnd6+OQ+bn/3vyHppWj9tGoPzz7GJOuQxUTw/mhTwRVf5rDnzqTnN7kDiDe/H256jsCtaQCw6MhMB8wHQYDVR0OBBYEFLFj"
            + "p6lgAnBb0LyUF+pO6ygM6AUpMAoGCCqGSM49BAMCA0cAMEQCIBcNR25+f/5yuTdADQtIwE8Z/tB9alreE1wEolhlSsXGAiBHuktK"
            + "3FmGJCVOk+I0W8vKOvTP9+4P2urGqHpCLjXs4w==";
}
