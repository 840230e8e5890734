package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An admin sets the plugin gateway's limits with a configuration file in the deploy folder
 * ({@code org.revos.gateway.cfg}): the running gateway takes them without a restart, and removing the file brings the
 * defaults back.
 */
@ExtendWith(RevosExtension.class)
class GatewayConfigIT {

    private final Revos revos;

    GatewayConfigIT(Revos revos) {
        this.revos = revos;
    }

    @Test
    void aConfigurationFileInTheDeployFolderSetsTheGatewayLimitsLive() throws Exception {
        RevosProcess process = revos.process();
        Path staged = Files.createTempFile(process.workDir(), "gateway", ".tmp");
        Files.writeString(staged, "quarantineSeconds=61\n");
        Path file = process.deployDir().resolve("org.revos.gateway.cfg");
        try {
            Files.move(staged, file, StandardCopyOption.ATOMIC_MOVE);
            await(() -> process.logText().contains("quarantineFor=PT1M1S"), "the file's limits applied");
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(staged);
        }
        await(() -> lastLimits(process).contains("quarantineFor=PT1M]"), "the defaults back once the file is gone");
        assertTrue(revos.get(RevosProcess.ADMIN_KEY, "/admin/plugins").status() == 200, "the runtime serves on");
    }

    private static String lastLimits(RevosProcess process) {
        String log = process.logText();
        int at = log.lastIndexOf("Plugin gateway limits now:");
        return at < 0 ? "" : log.substring(at, Math.min(log.length(), at + 200));
    }

    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within 20 s: " + what);
            Thread.sleep(50);
        }
    }
}
