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

    private static final List<String> KINDS = List.of("kpi", "credit-rule", "rest-resource", "stage-model");


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
    void aGeneratedProjectBuildsTestsAndHotDeploysAgainstTheRepositoryAlone() throws Exception {
        // Every kind in one project (as a partner's KPI plugin with a REST resource would be): one build, one
        // runtime for all the integration tests.
        generate("partner-plugin", String.join(",", KINDS));
        Path project = work.resolve("partner-plugin");
        String log = mvn(project, "verify", "verify");
        assertTrue(log.contains("BUILD SUCCESS"), log);
        assertTrue(Files.isRegularFile(project.resolve("target/partner-plugin-1.0.0.jar")));
        assertEquals(List.of("BigWinsKpiTest", "GreetingResourceTest", "InstantCreditRuleTest", "RenewalsStageModelTest"),
                reports(project.resolve("target/surefire-reports")), "the unit tests of every kind ran");
        assertEquals(List.of("BigWinsKpiIT", "GreetingResourceIT", "InstantCreditRuleIT", "RenewalsStageModelIT"),
                reports(project.resolve("target/failsafe-reports")), "the integration tests of every kind ran");
    }

    @Test
    void aProjectHoldsTheExampleOfTheKindAskedForOnly() throws Exception {
        generate("partner-greeting", "rest-resource");
        Path sources = work.resolve("partner-greeting/src");
        try (Stream<Path> files = Files.walk(sources)) {
            assertEquals(List.of("GreetingResource.java", "GreetingResourceIT.java", "GreetingResourceTest.java"),
                    files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.readString(work.resolve("partner-greeting/src/main/java/com/example/partner/"
                + "GreetingResource.java")).startsWith("package com.example.partner;"));
    }

    private static void generate(String artifactId, String kind) throws IOException, InterruptedException {
        mvn(work, "generate-" + artifactId, "org.apache.maven.plugins:maven-archetype-plugin:"
                + System.getProperty("archetype.plugin.version") + ":generate", "-DinteractiveMode=false",
                "-DarchetypeGroupId=org.revos", "-DarchetypeArtifactId=org.revos.plugin-archetype",
                "-DarchetypeVersion=" + System.getProperty("revos.sdk.version"), "-DgroupId=com.example",
                "-DartifactId=" + artifactId, "-Dversion=1.0.0", "-Dpackage=com.example.partner", "-Dkind=" + kind);
        assertTrue(Files.isRegularFile(work.resolve(artifactId).resolve("pom.xml")));
    }

    /** @return the simple names of the test classes that reported into {@code dir} */
    private static List<String> reports(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("TEST-.*\\.xml"))
                    .map(n -> n.substring(n.lastIndexOf('.', n.length() - 5) + 1, n.length() - 4)).sorted()
                    .toList();
        }
    }

    /** Runs Maven in {@code dir} with the test's settings and local repository; @return its output */
    private static String mvn(Path dir, String name, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("maven.home"), "bin", "mvn")
                .toString(), "-B", "-ntp", "-s", settings.toString(), "-Dmaven.repo.local=" + localRepo));
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
