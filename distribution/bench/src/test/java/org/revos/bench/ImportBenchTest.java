package org.revos.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportBenchTest {

    @TempDir
    Path dir;

    @Test
    void peakHeapIsTheFullestHeapBeforeACollectionInAnyUnit() throws IOException {
        Path log = dir.resolve("gc.log");
        Files.writeString(log, """
                [0.011s][info][gc] Using G1
                [1.204s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(256M) 3.456ms
                [2.310s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 180M->40M(512M) 9.1ms
                [3.002s][info][gc] GC(2) Pause Young (Concurrent Start) (G1 Humongous Allocation) 153600K->41M(512M) 4ms
                [9.870s][info][gc] GC(3) Pause Full (System.gc()) 1G->60M(1024M) 120ms
                """);
        assertEquals(1024.0, ImportBench.peakHeapMib(log), 1e-9);

        Files.writeString(log, "[2.310s][info][gc] GC(1) Pause Young (Normal) 180M->40M(512M) 9.1ms\n"
                + "[3.002s][info][gc] GC(2) Pause Young (Normal) 153600K->41M(512M) 4ms\n");
        assertEquals(180.0, ImportBench.peakHeapMib(log), 1e-9);
    }

    @Test
    void aLogWithoutCollectionsHasNoPeak() throws IOException {
        Path log = dir.resolve("gc.log");
        Files.writeString(log, "[0.011s][info][gc] Using G1\n");
        assertEquals(0.0, ImportBench.peakHeapMib(log), 1e-9);
    }
}
