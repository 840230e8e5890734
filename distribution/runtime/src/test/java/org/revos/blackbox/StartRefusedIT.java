package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A second RevOS started on a port that is taken says so and exits with status 1, instead of serving nothing. */
@ExtendWith(RevosExtension.class)
class PortTakenIT {

    private final Revos revos;

    PortTakenIT(Revos revos) {
        this.revos = revos;
    }

    @Test
    void aTakenPortEndsTheStartWithAClearMessage() throws Exception {
        Path work = Files.createTempDirectory(Path.of(System.getProperty("revos.test.workdir", "target/blackbox"))
                .toAbsolutePath(), "port-");
        Path jar = Path.of(System.getProperty("revos.jar", "target/revos.jar")).toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString())).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("out.log").toFile());
        builder.environment().put("REVOS_HTTP_PORT", Integer.toString(revos.process().port()));
        builder.environment().put("REVOS_DATA_DIR", work.resolve("data").toString());
        builder.environment().put("REVOS_DEPLOY_DIR", work.resolve("deploy").toString());
        builder.environment().put("REVOS_ADMIN_KEY", "rvs_port-taken-test-key-0123456789");
        Process second = builder.start();
        boolean ended = second.waitFor(60, TimeUnit.SECONDS);
        String output = Files.readString(work.resolve("out.log"), StandardCharsets.UTF_8);
        if (!ended) {
            second.destroyForcibly();
        }
        assertTrue(ended, "the second runtime should have stopped by itself:\n" + output);
        assertEquals(1, second.exitValue(), output);
        assertTrue(output.contains("RevOS cannot listen on 127.0.0.1:" + revos.process().port()), output);
        assertTrue(output.contains("REVOS_HTTP_PORT"), output);
        assertEquals(200, revos.get(RevosProcess.ADMIN_KEY, "/health").status(), "the first one serves on");
    }
}
