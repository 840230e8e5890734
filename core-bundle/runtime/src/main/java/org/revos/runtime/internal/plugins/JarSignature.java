package org.revos.runtime.internal.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.revos.kernel.spi.Problem;

/**
 * Who signed a plugin jar, checked the way the JDK's {@code jarsigner -verify} does, and stricter: every entry must be
 * signed by the same signers (nothing added after signing), every entry the signed manifest lists must still be there
 * (nothing removed), and the manifest's main attributes (Import-Package, Bundle-Activator, ...) must be the signed
 * ones. A jar with no signature at all is unsigned; one whose signature does not hold is refused, whatever the
 * runtime's policy: it was changed after it was signed.
 *
 * @param subject     the signer's certificate subject, such as {@code CN=Acme plugins, O=Acme}
 * @param fingerprint lower-case hex SHA-256 of the signer's certificate, as the trust store names it
 * @param certificate the signer's own certificate (the first of its chain)
 */
public record JarSignature(String subject, String fingerprint, X509Certificate certificate) {

    private static final String TITLE = "Plugin signature does not hold";

    /**
     * @return the jar's signer, empty when the jar is not signed
     * @throws Problem 422 when the jar carries a signature that does not hold, naming the entry and what is wrong
     */
    public static Optional<JarSignature> inspect(byte[] jar) {
        Path file = null;
        try {
            file = Files.createTempFile("revos-plugin", ".jar");
            Files.write(file, jar);
            try (JarFile opened = new JarFile(file.toFile(), true)) {
                return inspect(opened);
            }
        } catch (IOException e) {
            throw Problem.invalid("body", "is not a readable jar file: " + e.getMessage());
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file; the JVM's temp folder is cleaned by the system
                }
            }
        }
    }

    private static Optional<JarSignature> inspect(JarFile jar) throws IOException {
        Map<String, Set<String>> signersByEntry = new LinkedHashMap<>();
        Map<String, X509Certificate> certificates = new LinkedHashMap<>();
        boolean signatureFiles = false;
        byte[] buffer = new byte[8192];
        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
            JarEntry entry = entries.nextElement();
            if (entry.isDirectory()) {
                continue;
            }
            try (InputStream in = jar.getInputStream(entry)) {
                while (in.read(buffer) >= 0) {
                    // reading the whole entry is what checks it against its signed digest
                }
            } catch (SecurityException e) {
                throw refused(entry.getName() + " does not match its signature (" + e.getMessage() + "): the jar was"
                        + " changed after it was signed");
            }
            if (signatureRelated(entry.getName())) {
                signatureFiles |= !entry.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME);
                continue;
            }
            Set<String> signers = new TreeSet<>();
            CodeSigner[] codeSigners = entry.getCodeSigners();
            if (codeSigners != null) {
                for (CodeSigner signer : codeSigners) {
                    List<? extends Certificate> chain = signer.getSignerCertPath().getCertificates();
                    if (!chain.isEmpty() && chain.get(0) instanceof X509Certificate x509) {
                        String fingerprint = fingerprint(x509);
                        certificates.putIfAbsent(fingerprint, x509);
                        signers.add(fingerprint);
                    }
                }
            }
            signersByEntry.put(entry.getName(), signers);
        }
        boolean anySigned = signersByEntry.values().stream().anyMatch(s -> !s.isEmpty());
        if (!anySigned) {
            if (signatureFiles) {
                throw refused("it has signature files, but no entry is signed by them: the jar was changed after it"
                        + " was signed");
            }
            return Optional.empty();
        }
        Set<String> expected = null;
        for (Map.Entry<String, Set<String>> e : signersByEntry.entrySet()) {
            if (e.getValue().isEmpty()) {
                throw refused(e.getKey() + " is not signed although the rest of the jar is: it was added after"
                        + " signing");
            }
            if (expected == null) {
                expected = e.getValue();
            } else if (!expected.equals(e.getValue())) {
                throw refused(e.getKey() + " is signed by other signers than the rest of the jar");
            }
        }
        Manifest manifest = jar.getManifest();
        List<String> missing = new ArrayList<>();
        for (String listed : manifest.getEntries().keySet()) {
            if (!listed.endsWith("/") && jar.getJarEntry(listed) == null) {
                missing.add(listed);
            }
        }
        if (!missing.isEmpty()) {
            throw refused("the signed manifest lists " + missing.get(0) + (missing.size() > 1 ? " (and "
                    + (missing.size() - 1) + " more)" : "") + ", which the jar no longer holds: entries were removed"
                    + " after signing");
        }
        return Optional.of(of(certificates.get(expected.iterator().next())));
    }

    /** @return the signature of a jar this certificate signed, as {@link #inspect} found it before */
    public static JarSignature of(X509Certificate signer) {
        return new JarSignature(signer.getSubjectX500Principal().getName(), fingerprint(signer), signer);
    }

    /** @return lower-case hex SHA-256 of the certificate's DER encoding */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("A parsed certificate has an encoding and Java has SHA-256", e);
        }
    }

    private static boolean signatureRelated(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        return upper.equals("META-INF/MANIFEST.MF") || upper.endsWith(".SF") || upper.endsWith(".RSA")
                || upper.endsWith(".DSA") || upper.endsWith(".EC") || upper.startsWith("META-INF/SIG-");
    }

    private static Problem refused(String why) {
        return Problem.unprocessable(TITLE, "body", why);
    }
}
