package org.revos.runtime.internal.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineFoldersTest {

    @TempDir
    Path data;

    @Test
    void anEngineGetsAFolderOfTheDataFolderByItsName() throws Exception {
        EngineFolders folders = EngineFolders.under(data);
        assertEquals(data.resolve("kpi"), folders.folder("kpi"));
        assertTrue(Files.isDirectory(data.resolve("kpi")));
        assertEquals(data.resolve("imports"), folders.folder("imports"), "the folder spooled imports always had");
    }

    @Test
    void namesThatLeaveTheDataFolderOrTakeTheKernelsFoldersAreRefused() {
        EngineFolders folders = EngineFolders.under(data);
        for (String name : new String[] { "../x", "a/b", "Kpi", "", ".", "-x" }) {
            assertThrows(IllegalArgumentException.class, () -> folders.folder(name), name);
        }
        for (String kernel : EngineFolders.KERNEL_FOLDERS) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> folders.folder(kernel), kernel);
            assertTrue(refused.getMessage().contains("kernel's own folder"), refused.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> folders.folder(null));
    }
}
