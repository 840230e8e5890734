package org.revos.runtime.internal.confine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantFoldersTest {

    @TempDir
    Path dir;

    private TenantFolders folders;
    private Path folder;

    @BeforeEach
    void setUp() throws IOException {
        folders = new TenantFolders(dir.resolve("tenants"));
        folder = folders.folder("ten_a");
    }

    @Test
    void theFolderIsMadeOnDemandUnderTheTenantsId() {
        assertTrue(Files.isDirectory(folder));
        assertEquals(dir.resolve("tenants/ten_a/files").toAbsolutePath(), folder);
    }

    @Test
    void aRelativeNameResolvesInsideTheTenantsFolderWhetherOrNotItExists() throws IOException {
        assertEquals(folder.resolve("accounts.csv"), folders.resolve("ten_a", "accounts.csv"));
        assertEquals(folder.resolve("erp/out/accounts.csv"), folders.resolve("ten_a", "erp/out/accounts.csv"));
        Files.writeString(folder.resolve("there.csv"), "x");
        assertEquals(folder.resolve("there.csv"), folders.resolve("ten_a", "there.csv"));
        assertEquals(folder.resolve("Q3 accounts (final).csv"), folders.resolve("ten_a", "Q3 accounts (final).csv"));
    }

    @Test
    void anotherTenantsFolderIsOutOfReach() throws IOException {
        Path other = folders.folder("ten_b");
        Files.writeString(other.resolve("secret.csv"), "x");
        assertRefused("../../ten_b/files/secret.csv", "'..'");
        assertEquals(other.resolve("secret.csv"), folders.resolve("ten_b", "secret.csv"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/etc/passwd", "/tmp/escaped.csv", "//server/share/x.csv" })
    void refusesAbsolutePaths(String name) {
        assertRefused(name, "absolute");
    }

    @ParameterizedTest
    @ValueSource(strings = { "..", "../x.csv", "../../../../some/dir/escaped.csv", "a/../../x.csv", "a/../b.csv",
            "a/..", })
    void refusesClimbingOut(String name) {
        assertRefused(name, "'..'");
    }

    @ParameterizedTest
    @ValueSource(strings = { "%2e%2e/x.csv", "%2E%2E%2Fetc%2Fpasswd", "a%2f..%2f..%2fx", "x%00.csv" })
    void refusesUrlEncodedNames(String name) {
        assertRefused(name, "'%'");
    }

    @ParameterizedTest
    @ValueSource(strings = { "a\u0000.csv", "a.csv\u0000.txt", "a\nb.csv", "a\rb", "a\tb", "a\u007fb", "a\u0085b" })
    void refusesControlCharacters(String name) {
        assertRefused(name, "control character");
    }

    @ParameterizedTest
    @ValueSource(strings = { "C:\\Windows\\win.ini", "\\\\server\\share\\x.csv", "..\\..\\x.csv", "a\\b.csv" })
    void refusesWindowsSeparatorsAndUncPaths(String name) {
        assertRefused(name, "backslash");
    }

    @ParameterizedTest
    @ValueSource(strings = { "C:/Windows/win.ini", "c:x.csv", "file:///etc/passwd", "a.csv:stream" })
    void refusesDriveLettersStreamsAndSchemes(String name) {
        assertRefused(name, "':'");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "./a.csv", "a//b.csv", "a/", ".", "a/./b" })
    void refusesEmptyAndDotSegments(String name) {
        RefusedPath refused = assertThrows(RefusedPath.class, () -> folders.resolve("ten_a", name));
        assertTrue(refused.getMessage().contains("empty"), refused.getMessage());
    }

    @Test
    void refusesHomeFoldersAndOverlongNames() {
        assertRefused("~/x.csv", "'~'");
        assertRefused("a".repeat(FileNameRules.MAX_LENGTH + 1), "longer than");
    }

    @Test
    void refusesALinkToAFolderOutside() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.csv"), "x");
        Files.createSymbolicLink(folder.resolve("link"), outside);
        assertRefused("link/secret.csv", "through a link");
        assertRefused("link/new/deeper.csv", "through a link");
        assertRefused("link", "through a link");
        assertTrue(Files.exists(outside.resolve("secret.csv")));
    }

    @Test
    void refusesALinkToAFileOutside() throws IOException {
        Path outside = Files.writeString(dir.resolve("secret.csv"), "x");
        Files.createSymbolicLink(folder.resolve("secret.csv"), outside);
        assertRefused("secret.csv", "through a link");
    }

    @Test
    void refusesALinkThatPointsNowhereSinceWritingThroughItWouldCreateAFileOutside() throws IOException {
        Files.createSymbolicLink(folder.resolve("dangling.csv"), dir.resolve("not-yet.csv"));
        assertRefused("dangling.csv", "points nowhere");
    }

    @Test
    void aLinkThatStaysInsideIsFollowed() throws IOException {
        Path real = Files.createDirectories(folder.resolve("exports/2026"));
        Files.createSymbolicLink(folder.resolve("current"), real);
        assertEquals(real.resolve("accounts.csv"), folders.resolve("ten_a", "current/accounts.csv"));
    }

    @Test
    void aDataFolderReachedThroughALinkStillWorks() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real-data"));
        Path linked = Files.createSymbolicLink(dir.resolve("linked-data"), real);
        TenantFolders throughLink = new TenantFolders(linked.resolve("tenants"));
        assertEquals(real.resolve("tenants/ten_a/files/x.csv"), throughLink.resolve("ten_a", "x.csv"));
    }

    @Test
    void refusesTenantIdsThatAreNotIds() {
        assertThrows(IllegalArgumentException.class, () -> folders.folder("../ten_a"));
        assertThrows(IllegalArgumentException.class, () -> folders.folder(null));
    }

    private void assertRefused(String name, String reason) {
        RefusedPath refused = assertThrows(RefusedPath.class, () -> folders.resolve("ten_a", name), name);
        assertTrue(refused.getMessage().contains(reason), name + ": " + refused.getMessage());
    }
}
