package org.revos.blackbox.plugins;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Plugin jars for the black-box tests, made with {@code java.util.jar} from the built test plugin (new version, new
 * manifest headers, extra entries) or from scratch around {@link ThrowingComponent} and {@link ThrowingActivator}.
 */
public final class TestJars {

    /** The symbolic name of the built test plugin. */
    public static final String PLUGIN_ID = "org.revos.testplugin";

    private TestJars() {
    }

    /** @return the test plugin jar built by the reactor (passed in by failsafe) */
    public static Path testPlugin() {
        return Path.of(System.getProperty("revos.testplugin.jar", "../test-plugin/target/org.revos.testplugin.jar"));
    }

    /** @return the test plugin with {@code Bundle-Version} set to {@code version} */
    public static byte[] testPlugin(String version) {
        return rewrite(testPlugin(), m -> m.putValue("Bundle-Version", version), Map.of());
    }

    /**
     * @return a copy of {@code jar} whose main manifest attributes {@code edit} changed, with {@code extra} entries
     *         (name → content) added or replaced
     */
    public static byte[] rewrite(Path jar, Consumer<Attributes> edit, Map<String, byte[]> extra) {
        try {
            return rewrite(Files.readAllBytes(jar), edit, extra);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return as {@link #rewrite(Path, Consumer, Map)}, for a jar in memory */
    public static byte[] rewrite(byte[] jar, Consumer<Attributes> edit, Map<String, byte[]> extra) {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = new Manifest(in.getManifest());
            edit.accept(manifest.getMainAttributes());
            // A rewritten jar is a new, unsigned build (as a partner's rebuild of a shipped plugin is): the signed
            // digests of the original no longer apply and would make the runtime refuse it as tampered.
            manifest.getEntries().clear();
            Map<String, byte[]> entries = new LinkedHashMap<>();
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                if (!entry.isDirectory() && !signatureFile(entry.getName())) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
            entries.putAll(extra);
            return write(manifest, entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return whether the entry is part of a jar signature (META-INF/*.SF and its signature block) */
    public static boolean signatureFile(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return upper.startsWith("META-INF/") && upper.lastIndexOf('/') == "META-INF/".length() - 1
                && (upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA")
                        || upper.endsWith(".EC") || upper.startsWith("META-INF/SIG-"));
    }

    /** @return the jar of plugin {@code id} that the runnable jar ships (under {@code shipped/}) */
    public static byte[] shipped(String id) {
        Path runtime = Path.of(System.getProperty("revos.jar", "target/revos.jar"));
        try (JarFile jar = new JarFile(runtime.toFile())) {
            JarEntry entry = jar.getJarEntry("shipped/" + id + ".jar");
            if (entry == null) {
                throw new IllegalStateException(runtime + " ships no " + id);
            }
            try (InputStream in = jar.getInputStream(entry)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return {@code jar} with {@code Bundle-Version} set to {@code version} */
    public static byte[] withVersion(byte[] jar, String version) {
        return rewrite(jar, m -> m.putValue("Bundle-Version", version), Map.of());
    }

    /** @return a plugin whose one component throws from its activate method */
    public static byte[] throwingComponentPlugin(String id) {
        Manifest manifest = manifest(id);
        manifest.getMainAttributes().putValue("Service-Component", "OSGI-INF/throwing.xml");
        return write(manifest, Map.of(classEntry(ThrowingComponent.class), classBytes(ThrowingComponent.class),
                "OSGI-INF/throwing.xml", throwingDescriptor()));
    }

    /** @return the test plugin at {@code version} plus a component that throws from its activate method */
    public static byte[] testPluginWithThrowingComponent(String version) {
        return withThrowingComponent(rewrite(testPlugin(), m -> { }, Map.of()), version);
    }

    /** @return {@code jar} at {@code version} plus a component that throws from its activate method */
    public static byte[] withThrowingComponent(byte[] jar, String version) {
        return rewrite(jar, m -> {
            m.putValue("Bundle-Version", version);
            String components = m.getValue("Service-Component");
            m.putValue("Service-Component", (components == null ? "" : components + ",") + "OSGI-INF/throwing.xml");
        }, Map.of(classEntry(ThrowingComponent.class), classBytes(ThrowingComponent.class),
                "OSGI-INF/throwing.xml", throwingDescriptor()));
    }

    /** @return a plugin with nothing in it but its manifest: it starts, provides nothing and serves nothing */
    public static byte[] emptyPlugin(String id, String version) {
        return emptyPlugin(id, version, Map.of());
    }

    /** @return a plugin with nothing in it but its manifest, with extra headers such as Export-Package */
    public static byte[] emptyPlugin(String id, String version, Map<String, String> headers) {
        Manifest manifest = manifest(id);
        manifest.getMainAttributes().putValue("Bundle-Version", version);
        headers.forEach(manifest.getMainAttributes()::putValue);
        return write(manifest, Map.of());
    }

    /** @return a plugin whose Bundle-Activator throws */
    public static byte[] throwingActivatorPlugin(String id) {
        Manifest manifest = manifest(id);
        manifest.getMainAttributes().putValue("Bundle-Activator", ThrowingActivator.class.getName());
        manifest.getMainAttributes().putValue("Import-Package", "org.osgi.framework;version=\"[1.8,2)\"");
        return write(manifest, Map.of(classEntry(ThrowingActivator.class), classBytes(ThrowingActivator.class)));
    }

    /**
     * @return a plugin {@code id} whose one Declarative Services component is {@code calculator}, a KPI calculator
     *         offering the KPI {@code kpiId} ({@link ThrowingKpi}, {@link HangingKpi}, {@link HungryKpi})
     */
    public static byte[] misbehavingKpiPlugin(String id, Class<?> calculator, String kpiId) {
        Manifest manifest = manifest(id);
        manifest.getMainAttributes().putValue("Service-Component", "OSGI-INF/kpi.xml");
        manifest.getMainAttributes().putValue("Import-Package", "org.revos.api.spi;version=\"[2.0,3)\"");
        String descriptor = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"" + kpiId + "\">\n"
                + "  <property name=\"revos.kpi.id\" type=\"String\" value=\"" + kpiId + "\"/>\n"
                + "  <service><provide interface=\"org.revos.api.spi.KpiCalculator\"/></service>\n"
                + "  <implementation class=\"" + calculator.getName() + "\"/>\n"
                + "</scr:component>\n";
        return write(manifest, Map.of(classEntry(calculator), classBytes(calculator), "OSGI-INF/kpi.xml",
                descriptor.getBytes(StandardCharsets.UTF_8)));
    }

    /** @return a plugin {@code id} serving {@link ThrowingResource} at {@code /api/v1/bad-resource} */
    public static byte[] throwingResourcePlugin(String id) {
        Manifest manifest = manifest(id);
        manifest.getMainAttributes().putValue("Service-Component", "OSGI-INF/resource.xml");
        manifest.getMainAttributes().putValue("Import-Package", "jakarta.ws.rs;version=\"[3.1,4)\"");
        String descriptor = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"bad-resource\">\n"
                + "  <property name=\"osgi.jakartars.resource\" type=\"Boolean\" value=\"true\"/>\n"
                + "  <property name=\"osgi.jakartars.application.select\" type=\"String\""
                + " value=\"(osgi.jakartars.name=revos)\"/>\n"
                + "  <service scope=\"prototype\"><provide interface=\"" + ThrowingResource.class.getName()
                + "\"/></service>\n"
                + "  <implementation class=\"" + ThrowingResource.class.getName() + "\"/>\n"
                + "</scr:component>\n";
        return write(manifest, Map.of(classEntry(ThrowingResource.class), classBytes(ThrowingResource.class),
                "OSGI-INF/resource.xml", descriptor.getBytes(StandardCharsets.UTF_8)));
    }

    /** @return a plugin holding one entry of {@code entryBytes} zeros: it compresses about a thousand times */
    public static byte[] bombPlugin(String id, long entryBytes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest(id))) {
            out.putNextEntry(new JarEntry("zeros.bin"));
            byte[] zeros = new byte[1 << 20];
            for (long left = entryBytes; left > 0; left -= zeros.length) {
                out.write(zeros, 0, (int) Math.min(zeros.length, left));
            }
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @return a plugin holding {@code count} small entries */
    public static byte[] manyEntriesPlugin(String id, int count) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            entries.put("data/e" + i + ".txt", new byte[] { 'x' });
        }
        return write(manifest(id), entries);
    }

    private static Manifest manifest(String id) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", id);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("RevOS-Plugin", "true");
        return manifest;
    }

    private static byte[] throwingDescriptor() {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"throwing\""
                + " immediate=\"true\" activate=\"activate\">\n"
                + "  <implementation class=\"" + ThrowingComponent.class.getName() + "\"/>\n"
                + "</scr:component>\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String classEntry(Class<?> type) {
        return type.getName().replace('.', '/') + ".class";
    }

    private static byte[] classBytes(Class<?> type) {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(Manifest manifest, Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
