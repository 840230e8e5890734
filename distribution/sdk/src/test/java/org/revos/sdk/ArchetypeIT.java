package org.revos.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a partner does with the SDK, end to end, with nothing but the published file repository: generate a plugin
 * project of each kind from the archetype into a folder outside the RevOS repository, then build it with Maven —
 * compile against the released API, unit tests with the test kit, bnd bundle, integration tests that start the
 * released runtime jar and hot-deploy the plugin over REST.
 *
 * <p>The child builds use a fresh local repository, so they see the SDK artifacts only as published in
 * {@code target/repository} (never a stale copy), and take third-party artifacts (Maven plugins, bnd, JUnit) from
 * the cache of the build that runs this test, as a file mirror: no network, nothing written to that cache.
 */
class ArchetypeIT {

    private static final List<String> KINDS = List.of("kpi", "credit-rule", "rest-resource");

    private static Path work;
    private static Path settings;
    private static Path localRepo;

    @BeforeAll
    static void freshFolders() throws IOException {
        work = Path.of(System.getProperty("revos.sdk.workdir", "target/archetype-it")).toAbsolutePath();
        if (Files.exists(work)) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(work);
        localRepo = work.resolve("m2");
        settings = work.resolve("settings.xml");
        Path sdk = Path.of(System.getProperty("revos.sdk.repository")).toAbsolutePath();
        Path cache = Path.of(System.getProperty("revos.sdk.localCache")).toAbsolutePath();
        Files.writeString(settings, """
                <settings>
                  <mirrors>
                    <mirror><id>build-cache</id><mirrorOf>*,!revos-sdk</mirrorOf><url>%s</url></mirror>
                  </mirrors>
                  <profiles>
                    <profile>
                      <id>revos-sdk</id>
                      <repositories>
                        <repository><id>revos-sdk</id><url>%s</url><snapshots><enabled>false</enabled></snapshots></repository>
                      </repositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>revos-sdk</activeProfile></activeProfiles>
                </settings>
                """.formatted(cache.toUri(), sdk.toUri()));
    }

    @Test
    void theRepositoryHoldsEverySdkArtifactAtItsReleaseVersion() {
        Path repo = Path.of(System.getProperty("revos.sdk.repository"));
        String version = System.getProperty("revos.sdk.version");
        assertFalse(version.endsWith("-SNAPSHOT"), "SDK artifacts carry release versions");
        for (String artifact : List.of("org.revos.api:jar", "org.revos.bom:pom", "org.revos.testkit:jar",
                "org.revos.plugin-archetype:jar", "revos-runtime:jar")) {
            String[] parts = artifact.split(":");
            Path dir = repo.resolve("org/revos").resolve(parts[0]).resolve(version);
            String base = parts[0] + "-" + version;
            assertTrue(Files.isRegularFile(dir.resolve(base + "." + parts[1])), dir + " lacks its " + parts[1]);
            assertTrue(Files.isRegularFile(dir.resolve(base + ".pom")), dir + " lacks its pom");
            assertTrue(Files.isRegularFile(dir.resolve(base + ".pom.sha1")), dir + " lacks checksums");
            assertTrue(Files.isRegularFile(repo.resolve("org/revos").resolve(parts[0]).resolve("maven-metadata.xml")),
                    parts[0] + " lacks its metadata");
        }
    }

    @Test
    void generatedProjectsOfEveryKindBuildTestAndHotDeployAgainstTheRepositoryAlone() throws Exception {
        List<String> modules = new ArrayList<>();
        for (String kind : KINDS) {
            String artifactId = "partner-" + kind;
            mvn(work, "generate-" + kind, "org.apache.maven.plugins:maven-archetype-plugin:"
                    + System.getProperty("archetype.plugin.version") + ":generate", "-DinteractiveMode=false",
                    "-DarchetypeGroupId=org.revos", "-DarchetypeArtifactId=org.revos.plugin-archetype",
                    "-DarchetypeVersion=" + System.getProperty("revos.sdk.version"), "-DgroupId=com.example",
                    "-DartifactId=" + artifactId, "-Dversion=1.0.0", "-Dpackage=com.example.partner",
                    "-Dkind=" + kind);
            assertTrue(Files.isRegularFile(work.resolve(artifactId).resolve("pom.xml")));
            modules.add(artifactId);
        }
        // One Maven run builds the three projects (each alone would pay Maven's start-up again); each is still a
        // project of its own, with no parent.
        Files.writeString(work.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId><artifactId>all</artifactId><version>1</version>
                  <packaging>pom</packaging>
                  <modules>%s</modules>
                </project>
                """.formatted(String.join("", modules.stream().map(m -> "<module>" + m + "</module>").toList())));
        String log = mvn(work, "verify", "verify");
        for (String kind : KINDS) {
            Path project = work.resolve("partner-" + kind);
            assertTrue(Files.isRegularFile(project.resolve("target/partner-" + kind + "-1.0.0.jar")), kind);
            assertEquals(1, reports(project.resolve("target/surefire-reports")), kind + ": one unit test class");
            assertEquals(1, reports(project.resolve("target/failsafe-reports")), kind + ": one integration test");
        }
        assertTrue(log.contains("BUILD SUCCESS"), log);
    }

    private static long reports(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).count();
        }
    }

    /** Runs Maven in {@code dir} with the test's settings and local repository; @return its output */
    private static String mvn(Path dir, String name, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("maven.home"), "bin", "mvn")
                .toString(), "-B", "-s", settings.toString(), "-Dmaven.repo.local=" + localRepo));
        command.addAll(List.of(args));
        Path log = work.resolve(name + ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log);
        assertEquals(0, process.isAlive() ? -1 : process.exitValue(), () -> String.join(" ", command) + "\n"
                + output);
        return output;
    }
}
