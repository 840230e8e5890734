package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.revos.blackbox.plugins.TestJars;

import com.fasterxml.jackson.databind.JsonNode;

import jdk.security.jarsigner.JarSigner;

/**
 * Signed plugins: by default any plugin installs and the admin list says who signed each (the shipped ones by the
 * distribution's built-in signer). Once the platform admin requires signatures, only jars signed by a certificate in
 * the trust store install; unsigned jars, jars of an unknown signer and jars changed after signing (an entry changed,
 * added or removed, a manifest header edited) are refused with 422 naming why, and nothing of them is installed.
 * Runs a process of its own, since the policy is the whole installation's.
 */
class SignedPluginsIT {

    private static final String ADMIN = RevosProcess.ADMIN_KEY;
    private static final String JAR = "application/java-archive";
    private static final String PLUGIN = TestJars.PLUGIN_ID;
    private static final Path KEYS = Path.of("target/test-keys");

    @Test
    void onlyTrustedSignersPluginsInstallOnceSignaturesAreRequired() throws Exception {
        Signer partner = Signer.load("partner");
        Signer stranger = Signer.load("stranger");
        byte[] unsigned = TestJars.testPlugin("1.0.0");
        byte[] signed = partner.sign(unsigned);

        try (RevosProcess process = RevosProcess.start(RevosProcess.ownFolders("signed-"))) {
            Revos revos = new Revos(process);
            JsonNode trust = revos.get(ADMIN, "/admin/plugin-trust").expect(200);
            assertFalse(trust.get("requireSignatures").asBoolean(), "signatures are not required by default");
            assertEquals(List.of("built-in"), trust.get("signers").findValuesAsText("id"));
            for (JsonNode plugin : revos.get(ADMIN, "/admin/plugins").expect(200).get("items")) {
                assertTrue(plugin.at("/signedBy/trusted").asBoolean(), () -> "every shipped plugin is signed by the"
                        + " built-in signer: " + plugin);
            }
            Revos.Tenant tenant = revos.newTenant("signing");
            assertEquals(403, revos.get(tenant.admin(), "/admin/plugin-trust").status(), "a platform matter");

            // Off: an unsigned plugin installs, and the list says it is unsigned.
            JsonNode installed = revos.sendBytes(ADMIN, "POST", "/admin/plugins", unsigned, JAR).expect(201);
            assertTrue(installed.get("signedBy").isNull(), installed::toString);
            // A signature that does not hold is refused even when signatures are optional.
            assertRefused(revos, changeEntry(signed), "does not match its signature");
            revos.delete(ADMIN, "/admin/plugins/" + PLUGIN).expect(204);

            revos.send(ADMIN, "PUT", "/admin/plugin-trust", Map.of("requireSignatures", true), Map.of()).expect(200);
            assertRefused(revos, unsigned, "is not signed");
            assertRefused(revos, signed, "does not trust");

            JsonNode badCertificate = revos.post(ADMIN, "/admin/plugin-trust/signers", Map.of("name", "x",
                    "certificate", "not a certificate")).expect(400);
            assertEquals(List.of("certificate"), badCertificate.get("errors").findValuesAsText("field"));
            JsonNode added = revos.post(ADMIN, "/admin/plugin-trust/signers", Map.of("name", "Partner",
                    "certificate", partner.pem())).expect(201);
            assertEquals(partner.fingerprint(), added.get("fingerprint").asText());
            assertEquals(409, revos.post(ADMIN, "/admin/plugin-trust/signers", Map.of("name", "Partner again",
                    "certificate", partner.pem())).status(), "a certificate is trusted once");

            assertRefused(revos, stranger.sign(unsigned), "does not trust");
            assertRefused(revos, changeEntry(signed), "does not match its signature");
            assertRefused(revos, addEntry(signed), "was added after signing");
            assertRefused(revos, removeEntry(signed), "no longer holds");
            assertRefused(revos, editManifest(signed), "does not match its signature");
            assertEquals(404, revos.get(ADMIN, "/admin/plugins/" + PLUGIN).status(), "nothing refused stays");

            JsonNode accepted = revos.sendBytes(ADMIN, "POST", "/admin/plugins", signed, JAR).expect(201);
            assertEquals(partner.fingerprint(), accepted.at("/signedBy/fingerprint").asText());
            assertTrue(accepted.at("/signedBy/trusted").asBoolean());
            assertTrue(revos.get(tenant.readOnly(), "/kpis").expect(200).get("items").findValuesAsText("id")
                    .contains("hello_count"), "the plugin serves");

            // The shipped plugins are signed by the built-in signer, which cannot be removed: restoring works.
            revos.delete(ADMIN, "/admin/plugins/org.revos.kpi.revenue").expect(204);
            revos.post(ADMIN, "/admin/plugins/org.revos.kpi.revenue/restore", null).expect(201);
            assertEquals(409, revos.delete(ADMIN, "/admin/plugin-trust/signers/built-in").status());

            // Distrusting a signer keeps its plugins running; their updates need a trusted signer again.
            revos.delete(ADMIN, "/admin/plugin-trust/signers/" + added.get("id").asText()).expect(204);
            JsonNode kept = revos.get(ADMIN, "/admin/plugins/" + PLUGIN).expect(200);
            assertEquals("ACTIVE", kept.get("state").asText());
            assertFalse(kept.at("/signedBy/trusted").asBoolean(), kept::toString);
            assertRefused(revos, partner.sign(TestJars.testPlugin("1.0.1")), "does not trust");

            JsonNode audit = revos.get(ADMIN, "/admin/audit").expect(200);
            List<String> actions = audit.get("items").findValuesAsText("action");
            for (String action : List.of("PLUGIN_SIGNATURES_REQUIRED", "PLUGIN_SIGNER_TRUSTED",
                    "PLUGIN_SIGNER_REMOVED")) {
                assertTrue(actions.contains(action), () -> action + " is audited: " + actions);
            }
        }
    }

    private static void assertRefused(Revos revos, byte[] jar, String why) {
        Revos.Reply reply = revos.sendBytes(ADMIN, "POST", "/admin/plugins", jar, JAR);
        assertEquals(422, reply.status(), () -> "refused because it " + why + ": " + reply.raw().body());
        assertTrue(reply.body().get("detail").asText().contains(why), () -> why + ": " + reply.raw().body());
    }

    // ---- jars changed after signing ----

    private static byte[] changeEntry(byte[] jar) throws IOException {
        return copy(jar, (name, bytes) -> name.endsWith(".class") && !name.contains("$") ? append(bytes) : bytes,
                null);
    }

    private static byte[] addEntry(byte[] jar) throws IOException {
        return copy(jar, (name, bytes) -> bytes, Map.entry("org/revos/testplugin/Added.class", new byte[] { 1 }));
    }

    private static byte[] removeEntry(byte[] jar) throws IOException {
        String[] first = { null };
        return copy(jar, (name, bytes) -> {
            if (first[0] == null && name.endsWith(".class")) {
                first[0] = name;
                return null;
            }
            return bytes;
        }, null);
    }

    private static byte[] editManifest(byte[] jar) throws IOException {
        return copy(jar, (name, bytes) -> name.equals("META-INF/MANIFEST.MF")
                ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace("Bundle-Version: 1.0.0",
                        "Bundle-Version: 1.0.9").getBytes(java.nio.charset.StandardCharsets.UTF_8)
                : bytes, null);
    }

    private static byte[] append(byte[] bytes) {
        byte[] out = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        return out;
    }

    /** Copies a jar entry by entry; {@code edit} returns the new content, or null to leave the entry out. */
    private static byte[] copy(byte[] jar, BiFunction<String, byte[], byte[]> edit, Map.Entry<String, byte[]> extra)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = edit.apply(entry.getName(), in.readAllBytes());
                if (content != null) {
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    zip.write(content);
                    zip.closeEntry();
                }
            }
            if (extra != null) {
                zip.putNextEntry(new ZipEntry(extra.getKey()));
                zip.write(extra.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A key pair the build made for these tests (see the keytool executions in this module's pom). */
    private record Signer(PrivateKey key, X509Certificate certificate) {

        static Signer load(String alias) throws Exception {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(KEYS.resolve(alias + ".p12"))) {
                store.load(in, "test-only".toCharArray());
            }
            return new Signer((PrivateKey) store.getKey(alias, "test-only".toCharArray()),
                    (X509Certificate) store.getCertificate(alias));
        }

        byte[] sign(byte[] jar) throws Exception {
            Path in = Files.createTempFile("unsigned", ".jar");
            try {
                Files.write(in, jar);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (ZipFile zip = new ZipFile(in.toFile())) {
                    new JarSigner.Builder(key, CertificateFactory.getInstance("X.509")
                            .generateCertPath(List.of(certificate))).build().sign(zip, out);
                }
                return out.toByteArray();
            } finally {
                Files.deleteIfExists(in);
            }
        }

        String pem() throws Exception {
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' })
                    .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
        }

        String fingerprint() throws Exception {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(certificate.getEncoded()));
        }
    }
}
