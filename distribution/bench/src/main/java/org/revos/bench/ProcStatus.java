package org.revos.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** What Linux's {@code /proc/<pid>/status} and {@code /proc/<pid>/stat} say about a process. */
public final class ProcStatus {

    private ProcStatus() {
    }

    /** @return the resident set size in KiB from the text of {@code /proc/<pid>/status}, empty when absent */
    public static OptionalLong vmRssKib(String statusText) {
        for (String line : statusText.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                if (parts.length == 2 && parts[1].equalsIgnoreCase("kB")) {
                    return OptionalLong.of(Long.parseLong(parts[0]));
                }
                throw new IllegalArgumentException("Unexpected VmRSS line: " + line);
            }
        }
        return OptionalLong.empty();
    }

    /**
     * @return user plus system CPU time in clock ticks from the text of {@code /proc/<pid>/stat} (fields 14 and 15;
     *         the command name in field 2 may hold spaces and parentheses, so fields are counted after its last ')')
     */
    public static long cpuTicks(String statText) {
        int close = statText.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("Not a /proc/<pid>/stat line: " + statText);
        }
        String[] rest = statText.substring(close + 1).trim().split("\\s+");
        // rest[0] is field 3 (state); utime is field 14, stime field 15.
        return Long.parseLong(rest[14 - 3]) + Long.parseLong(rest[15 - 3]);
    }

    /** @return the resident set size of a live process in KiB */
    public static long rssKib(long pid) throws IOException {
        String text = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
        return vmRssKib(text).orElseThrow(() -> new IOException("/proc/" + pid + "/status has no VmRSS line"));
    }

    /** @return the CPU time a live process has used so far, in clock ticks */
    public static long cpuTicks(long pid) throws IOException {
        return cpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    }
}
