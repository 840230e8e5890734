package org.revos.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The machine a run measured: what {@code nproc}, {@code java -version} and {@code uptime} say, and a bit more. */
public record MachineFacts(String nproc, String cpuModel, String memTotal, String kernel, String javaVersion,
        String uptime, double ticksPerSecond) {

    public static MachineFacts collect(Path java) {
        return new MachineFacts(run("nproc"), procLine("/proc/cpuinfo", "model name"),
                procLine("/proc/meminfo", "MemTotal"), run("uname", "-sr"), run(java.toString(), "-version"),
                uptimeNow(), clockTicks());
    }

    /** @return what {@code uptime} says now (load averages change during a run) */
    public static String uptimeNow() {
        return run("uptime");
    }

    /** @return {@code getconf CLK_TCK}: the unit of the CPU times in /proc/<pid>/stat */
    private static double clockTicks() {
        try {
            return Double.parseDouble(run("getconf", "CLK_TCK"));
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    private static String procLine(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** @return the trimmed output (stdout and stderr) of a short command, or a note that it failed */
    static String run(String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return new String(out, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "(" + String.join(" ", command) + " failed: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }
}
