package org.revos.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class ProcStatusTest {

    private static final String STATUS = """
            Name:\tjava
            Umask:\t0022
            State:\tS (sleeping)
            VmPeak:\t 7012344 kB
            VmSize:\t 6950112 kB
            VmHWM:\t  270112 kB
            VmRSS:\t  259400 kB
            RssAnon:\t  230000 kB
            Threads:\t42
            """;

    @Test
    void readsVmRssInKib() {
        assertEquals(OptionalLong.of(259_400), ProcStatus.vmRssKib(STATUS));
    }

    @Test
    void kernelThreadsHaveNoVmRss() {
        assertEquals(OptionalLong.empty(), ProcStatus.vmRssKib("Name:\tkthreadd\nState:\tS (sleeping)\n"));
    }

    @Test
    void refusesAnUnexpectedUnit() {
        assertThrows(IllegalArgumentException.class, () -> ProcStatus.vmRssKib("VmRSS:\t 12 MB\n"));
    }

    @Test
    void cpuTicksAddUserAndSystemTimeEvenWhenTheCommandHoldsSpacesAndParentheses() {
        String stat = "4242 (my (odd) cmd) S 1 4242 4242 0 -1 4194560 9000 0 12 0 1234 567 3 4 20 0 42 0 100 "
                + "7000000000 64850 18446744073709551615 1 1 0 0 0 0 0 2 16800972 0 0 0 17 1 0 0 0 0 0";
        assertEquals(1234 + 567, ProcStatus.cpuTicks(stat));
    }

    @Test
    void readsThisProcess() throws Exception {
        long pid = ProcessHandle.current().pid();
        assertTrue(ProcStatus.rssKib(pid) > 1024, "a JVM uses more than 1 MiB");
        assertTrue(ProcStatus.cpuTicks(pid) >= 0);
    }
}
