package org.revos.runtime.internal.plugins;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.revos.api.security.Caller;
import org.revos.kernel.spi.Ids;
import org.revos.kernel.spi.Problem;
import org.revos.runtime.internal.persistence.PlatformSettingEntity;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.TrustedSignerEntity;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Which plugin signers the installation trusts, and whether it installs only their jars. The trust store is the
 * certificates the platform admin added over the API plus the certificate the distribution's shipped plugins are
 * signed with (built in, framework property {@value #SHIPPED_SIGNER_PROPERTY}). Signatures are off by default: every
 * plugin installs, and the admin list shows who signed each; a jar whose signature does not hold is refused either
 * way.
 */
@Component(service = PluginTrust.class)
public final class PluginTrust {

    /** The framework property naming the shipped plugins' signing certificate (PEM) on the runtime's class path. */
    public static final String SHIPPED_SIGNER_PROPERTY = "revos.shipped.signer";
    static final String REQUIRE_SETTING = "plugins.requireSignatures";
    private static final String BUILT_IN_ID = "built-in";
    private static final Logger LOG = Logger.getLogger(PluginTrust.class.getName());

    /** A trusted signer as the API shows it. */
    public record Signer(String id, String name, X509Certificate certificate, boolean builtIn, long addedAt) {

        public String fingerprint() {
            return JarSignature.fingerprint(certificate);
        }

        public ObjectNode toJson() {
            ObjectNode json = JsonNodeFactory.instance.objectNode().put("id", id).put("name", name)
                    .put("subject", certificate.getSubjectX500Principal().getName()).put("fingerprint", fingerprint())
                    .put("notAfter", certificate.getNotAfter().toInstant().toString()).put("builtIn", builtIn);
            if (builtIn) {
                json.putNull("addedAt");
            } else {
                json.put("addedAt", java.time.Instant.ofEpochMilli(addedAt).toString());
            }
            return json;
        }
    }

    private final Store store;
    private final Optional<Signer> shipped;

    @Activate
    public PluginTrust(@Reference Store store, BundleContext context) {
        this(store, shippedSigner(context.getProperty(SHIPPED_SIGNER_PROPERTY)));
    }

    PluginTrust(Store store, Optional<Signer> shipped) {
        this.store = store;
        this.shipped = shipped;
    }

    /** @return whether only jars signed by a trusted signer install */
    public boolean required() {
        PlatformSettingEntity setting = store.readPlatform(em -> em.find(PlatformSettingEntity.class,
                REQUIRE_SETTING));
        return setting != null && Boolean.parseBoolean(setting.settingValue);
    }

    /** Sets whether only jars of trusted signers install; plugins already installed keep running either way. */
    public void require(boolean required, Caller caller) {
        store.write(Store.PLATFORM, caller, tx -> {
            PlatformSettingEntity setting = tx.em().find(PlatformSettingEntity.class, REQUIRE_SETTING);
            boolean before = setting != null && Boolean.parseBoolean(setting.settingValue);
            if (setting == null) {
                setting = new PlatformSettingEntity();
                setting.name = REQUIRE_SETTING;
                tx.em().persist(setting);
            }
            setting.settingValue = Boolean.toString(required);
            setting.updatedAt = tx.now();
            if (before != required) {
                tx.audit("PLUGIN_SIGNATURES_" + (required ? "REQUIRED" : "OPTIONAL"), "PLATFORM_SETTING",
                        REQUIRE_SETTING, JsonNodeFactory.instance.objectNode().put("requireSignatures", before),
                        JsonNodeFactory.instance.objectNode().put("requireSignatures", required));
            }
            return null;
        });
    }

    /** @return the trusted signers: the built-in one first, then those added, oldest first */
    public List<Signer> signers() {
        List<Signer> out = new ArrayList<>();
        shipped.ifPresent(out::add);
        for (TrustedSignerEntity e : store.readPlatform(em -> em.createQuery("SELECT s FROM TrustedSignerEntity s"
                + " ORDER BY s.createdAt, s.id", TrustedSignerEntity.class).getResultList())) {
            out.add(new Signer(e.id, e.name, parse(e.certificate).orElseThrow(), false, e.createdAt));
        }
        return out;
    }

    /**
     * Adds a certificate to the trust store.
     *
     * @throws Problem 400 naming each bad field; 409 when the certificate is trusted already
     */
    public Signer add(String name, String pem, Caller caller) {
        org.revos.kernel.spi.Violations v = new org.revos.kernel.spi.Violations();
        if (name == null || name.isBlank() || name.length() > 200) {
            v.add("name", "is required: a name people recognise the signer by, at most 200 characters");
        }
        Optional<X509Certificate> certificate = pem == null ? Optional.empty() : parse(pem);
        if (certificate.isEmpty()) {
            v.add("certificate", "must be one X.509 certificate in PEM (-----BEGIN CERTIFICATE----- ...), as"
                    + " `keytool -exportcert -rfc` writes it");
        }
        v.throwIfAny();
        X509Certificate cert = certificate.get();
        String fingerprint = JarSignature.fingerprint(cert);
        if (signers().stream().anyMatch(s -> s.fingerprint().equals(fingerprint))) {
            throw Problem.conflict("This certificate (SHA-256 " + fingerprint + ") is trusted already", List.of());
        }
        return store.write(Store.PLATFORM, caller, tx -> {
            TrustedSignerEntity e = new TrustedSignerEntity();
            e.id = Ids.next("sig");
            e.name = name.strip();
            e.subject = cert.getSubjectX500Principal().getName();
            e.fingerprint = fingerprint;
            e.certificate = pem(cert);
            e.notAfter = cert.getNotAfter().getTime();
            e.createdAt = tx.now();
            tx.em().persist(e);
            Signer added = new Signer(e.id, e.name, cert, false, e.createdAt);
            tx.audit("PLUGIN_SIGNER_TRUSTED", "TRUSTED_SIGNER", e.id, null, added.toJson());
            return added;
        });
    }

    /**
     * Removes a signer from the trust store; plugins it signed keep running, their updates need another trusted
     * signer.
     *
     * @throws Problem 404 for an unknown id, 409 for the built-in signer of the shipped plugins
     */
    public void remove(String id, Caller caller) {
        if (BUILT_IN_ID.equals(id) && shipped.isPresent()) {
            throw Problem.conflict("The signer of the shipped plugins is built into this runtime and cannot be"
                    + " removed; to install only your own signers' plugins, remove the shipped plugins you replace",
                    List.of());
        }
        store.write(Store.PLATFORM, caller, tx -> {
            TrustedSignerEntity e = id == null || id.length() > 40 ? null
                    : tx.em().find(TrustedSignerEntity.class, id);
            if (e == null) {
                throw Problem.notFound("trusted signer", id);
            }
            tx.em().remove(e);
            tx.audit("PLUGIN_SIGNER_REMOVED", "TRUSTED_SIGNER", id,
                    new Signer(e.id, e.name, parse(e.certificate).orElseThrow(), false, e.createdAt).toJson(), null);
            return null;
        });
    }

    /** @return whether the signer is in the trust store */
    public boolean trusts(JarSignature signature) {
        return signers().stream().anyMatch(s -> s.fingerprint().equals(signature.fingerprint()));
    }

    /**
     * @throws Problem 422 when signatures are required and the jar is unsigned or signed by a signer not trusted
     */
    public void check(PluginJar jar, Optional<JarSignature> signature) {
        if (!required()) {
            return;
        }
        if (signature.isEmpty()) {
            throw Problem.unprocessable("Plugin not signed", "body", jar.label() + " is not signed, and this runtime"
                    + " installs only plugins signed by a trusted signer; sign it with jarsigner (see the plugin"
                    + " author guide)");
        }
        if (!trusts(signature.get())) {
            throw Problem.unprocessable("Plugin signer not trusted", "body", jar.label() + " is signed by "
                    + signature.get().subject() + " (certificate SHA-256 " + signature.get().fingerprint()
                    + "), which this runtime does not trust; a platform admin adds the certificate with POST"
                    + " /api/v1/admin/plugin-trust/signers");
        }
    }

    static Optional<X509Certificate> parse(String pem) {
        String text = pem.strip();
        if (!text.startsWith("-----BEGIN CERTIFICATE-----") || !text.endsWith("-----END CERTIFICATE-----")
                || text.indexOf("-----BEGIN", 1) >= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII))));
        } catch (CertificateException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' })
                    .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("A parsed certificate has an encoding", e);
        }
    }

    private static Optional<Signer> shippedSigner(String location) {
        if (location == null || location.isBlank()) {
            return Optional.empty();
        }
        try (InputStream in = ClassLoader.getSystemClassLoader().getResourceAsStream(location.trim())) {
            if (in == null) {
                LOG.warning("The shipped plugins' signing certificate " + location + " is not on the class path;"
                        + " the shipped plugins are not trusted signers' plugins");
                return Optional.empty();
            }
            Optional<X509Certificate> cert = parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
            if (cert.isEmpty()) {
                LOG.warning("The shipped plugins' signing certificate " + location + " is not a PEM certificate");
            }
            return cert.map(c -> new Signer(BUILT_IN_ID, "RevOS shipped plugins", c, true, 0));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "The shipped plugins' signing certificate " + location + " cannot be read", e);
            return Optional.empty();
        }
    }
}
