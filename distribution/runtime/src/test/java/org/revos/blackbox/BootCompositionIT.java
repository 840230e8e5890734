package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A start restores the stored plugins as one batch, so the persistence unit is built once with every engine's
 * entities, not once per engine (each build costs 0.2–0.5 s of start-up): at most a build of the kernel's entities
 * alone (when the database opened before the batch was ready) and one with every engine's. An engine installed while
 * the runtime runs still builds the unit again, with its entities. Read from the runtime's log, which names each build
 * ({@code persistence unit of N entities (M from engines) ready in ...}). Runs processes of its own on one data folder.
 */
class BootCompositionIT {

    private static final Pattern BUILD = Pattern.compile(
            "persistence unit of (\\d+) entities \\((\\d+) from engines\\) ready in");

    private static List<Integer> engineEntitiesPerBuild(String log) {
        List<Integer> builds = new ArrayList<>();
        Matcher m = BUILD.matcher(log);
        while (m.find()) {
            builds.add(Integer.parseInt(m.group(2)));
        }
        return builds;
    }

    /** @return the number of the engines' entities the boot composed, after checking it composed once with them */
    private static int assertComposedOnce(String log, String start) {
        List<Integer> builds = engineEntitiesPerBuild(log);
        assertTrue(!builds.isEmpty() && builds.size() <= 2, () -> start + ": one or two builds, not " + builds + "\n"
                + log);
        int all = builds.get(builds.size() - 1);
        assertTrue(all > 0, () -> start + ": the last build holds the shipped engines' entities: " + builds);
        assertTrue(builds.stream().allMatch(n -> n == 0 || n == all), () -> start + ": no build with only some"
                + " engines' entities: " + builds);
        assertEquals(1, builds.stream().filter(n -> n == all).count(), () -> start + ": " + builds);
        return all;
    }

    @Test
    void aStartBuildsTheUnitOnceWithEveryEngineAndAHotInstallBuildsItAgain() throws Exception {
        Map<String, String> env = RevosProcess.ownFolders("boot-");
        int shipped;
        try (RevosProcess first = RevosProcess.start(env)) {
            shipped = assertComposedOnce(first.logText(), "a first start");
        }
        try (RevosProcess again = RevosProcess.start(env)) {
            assertEquals(shipped, assertComposedOnce(again.logText(), "a restart"));
            Revos revos = new Revos(again);
            int before = engineEntitiesPerBuild(again.logText()).size();
            JsonNode installed = revos.sendBytes(RevosProcess.ADMIN_KEY, "POST", "/admin/plugins", engineJar(),
                    "application/java-archive").expect(201);
            assertEquals("ACTIVE", installed.get("state").asText(), installed::toString);
            List<Integer> builds = engineEntitiesPerBuild(again.logText());
            assertEquals(before + 1, builds.size(), () -> "an engine installed later builds the unit again: "
                    + builds);
            assertTrue(builds.get(builds.size() - 1) > shipped, () -> "with its entities: " + builds);
        }
    }

    private static byte[] engineJar() throws IOException {
        return Files.readAllBytes(Path.of(System.getProperty("revos.testengine.jar",
                "../test-engine/target/org.revos.testengine.jar")));
    }
}
