package org.revos.runtime.internal.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The kernel knows no engine and no plugin: its compiled classes refer to RevOS classes of the API, of the kernel's
 * engine SPI and of its own packages only. An engine or strategy package named in any kernel class (a field, a call,
 * a signature) fails the build here, whatever the Maven scopes allow.
 */
class KernelDependenciesTest {

    /** A class name has a lower-case letter; event topics ({@code org/revos/deal/WON}) have none. */
    private static final Pattern REVOS_CLASS = Pattern.compile("org/revos/([a-z0-9_/]+)/[A-Z][A-Z0-9_$]*[a-z]");
    private static final List<String> ALLOWED = List.of("api", "kernel/spi", "runtime/internal");

    @Test
    void kernelClassesReferToTheApiTheSpiAndThemselvesOnly() throws Exception {
        Path classes = Path.of(KernelDependenciesTest.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).resolveSibling("classes");
        Map<String, Set<String>> foreign = new TreeMap<>();
        int scanned;
        try (Stream<Path> files = Files.walk(classes)) {
            List<Path> classFiles = files.filter(p -> p.toString().endsWith(".class")).toList();
            scanned = classFiles.size();
            for (Path file : classFiles) {
                for (String pkg : revosPackages(file)) {
                    if (ALLOWED.stream().noneMatch(a -> pkg.equals(a) || pkg.startsWith(a + "/"))) {
                        foreign.computeIfAbsent(pkg.replace('/', '.'), k -> new TreeSet<>())
                                .add(classes.relativize(file).toString());
                    }
                }
            }
        }
        assertTrue(scanned > 100, "the kernel's classes were found in " + classes);
        assertEquals(Map.of(), foreign, "kernel classes that refer to engine or plugin packages");
    }

    /**
     * Capabilities that moved into engine bundles leave nothing behind: no class, resource or entity of theirs in the
     * kernel, and no query naming their entities. Each capability joins this list when it moves out.
     */
    @Test
    void noCodeOfAMovedCapabilityStaysInTheKernel() throws Exception {
        Map<String, List<String>> moved = Map.of("adoption", List.of("Adoption", "Initiative", "Checklist"),
                "webhooks", List.of("Webhook"), "enrichment", List.of("Enrich"), "credit", List.of("Credit"),
                "org.revos.runtime.internal.stages", List.of("runtime/internal/stages/", "StageEngine", "StageModels",
                        "StageCatalog", "EffectivePipelines", "EntryCriteria", "PipelinesResource", "PropertyUsage",
                        "TransitionsResource", "StagedCollection", "KernelStageMoves"),
                "kpi", List.of("internal/kpi/", "KpiSettings", "KpiEngine", "KpiSession", "FactsProjection",
                        "GoalStanding", "GoalMatrix"),
                "org.revos.runtime.internal.integration", List.of("runtime/internal/integration/", "Import",
                        "ImportMapping", "SyncDefinition", "SyncError", "SyncEngine", "SyncSource", "SourceOfTruth",
                        "RowApplier", "Exports", "TenantSingletons"));
        Path classes = Path.of(KernelDependenciesTest.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).resolveSibling("classes");
        Map<String, Set<String>> left = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString();
                String text = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                moved.forEach((capability, markers) -> markers.stream()
                        .filter(m -> name.contains(m) || text.contains(m + "Entity"))
                        .forEach(m -> left.computeIfAbsent(capability, k -> new TreeSet<>()).add(name)));
            }
        }
        assertEquals(Map.of(), left, "classes of moved capabilities still in the kernel");
    }

    @Test
    void theScanSeesAForeignReference() {
        assertEquals(Set.of("kpi/funnel/internal", "api/model"), Set.copyOf(packagesIn(
                "Lorg/revos/kpi/funnel/internal/FunnelKpis; org/revos/api/model/Deal org/revos/revenue/RECORDED")));
    }

    /** @return the RevOS packages the class file names in class references and signatures (not in string literals) */
    private static Set<String> revosPackages(Path classFile) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(classFile)))) {
            in.readInt(); // magic
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            Map<Integer, String> utf8 = new TreeMap<>();
            Set<Integer> literals = new TreeSet<>();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8.put(i, in.readUTF());
                    case 8 -> literals.add(in.readUnsignedShort());
                    case 7, 16, 19, 20 -> in.readUnsignedShort();
                    case 15 -> in.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++;
                    }
                    default -> throw new IllegalStateException("Unknown constant tag " + tag + " in " + classFile);
                }
            }
            StringBuilder names = new StringBuilder();
            utf8.forEach((index, text) -> {
                if (!literals.contains(index)) {
                    names.append(text).append(' ');
                }
            });
            return packagesIn(names.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> packagesIn(String text) {
        Set<String> packages = new TreeSet<>();
        Matcher m = REVOS_CLASS.matcher(text);
        while (m.find()) {
            packages.add(m.group(1));
        }
        return packages;
    }

}
