package org.revos.runtime.internal.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revos.api.spi.ImportRow;
import org.revos.runtime.internal.problem.FieldError;
import org.revos.runtime.internal.problem.Problem;

import com.sun.net.httpserver.HttpServer;

class SyncEngineTest {

    @TempDir
    Path dir;

    @Test
    void aRowIsKnownByItsExternalIdThenItsIdThenItsLine() {
        assertEquals("erp-1", SyncEngine.key(new ImportRow(2, Map.of("externalId", " erp-1 ", "id", "acc_1"))));
        assertEquals("acc_1", SyncEngine.key(new ImportRow(3, Map.of("externalId", "", "id", "acc_1"))));
        assertEquals("line 4", SyncEngine.key(new ImportRow(4, Map.of("name", "x"))));
    }

    @Test
    void backOffDoublesFromTheBaseAndNeverWaitsLongerThanTheInterval() {
        assertEquals(300, SyncEngine.backoff(300, 1, 60));
        assertEquals(600, SyncEngine.backoff(300, 2, 60));
        assertEquals(1200, SyncEngine.backoff(300, 3, 60));
        assertEquals(60_000, SyncEngine.backoff(30_000, 10, 1), "capped at the one-minute interval");
        assertEquals(3_600_000, SyncEngine.backoff(30_000, 60, 60), "no overflow after many attempts");
    }

    @Test
    void anErrorListsEveryFieldProblem() {
        Problem p = Problem.invalid(List.of(new FieldError("country", "must be ISO"), new FieldError("name",
                "is required")));
        assertEquals("country: must be ISO; name: is required", SyncEngine.describe(p));
    }

    @Test
    void readsAFileRelativeToTheSyncFolderIntoASpoolCopy() throws IOException {
        Files.writeString(dir.resolve("accounts.csv"), "externalId,name\nx,y\n");
        Path copy = SyncSource.fetch("accounts.csv", dir, dir.resolve("spool"));
        assertEquals("externalId,name\nx,y\n", Files.readString(copy));
        assertTrue(copy.startsWith(dir.resolve("spool")));
        IOException missing = assertThrows(IOException.class, () -> SyncSource.fetch("gone.csv", dir,
                dir.resolve("spool")));
        assertTrue(missing.getMessage().contains("gone.csv"), missing.getMessage());
        assertEquals(1, Files.list(dir.resolve("spool")).count(), "a failed fetch leaves no spool file");
    }

    @Test
    void readsAnHttpSourceAndRefusesAnErrorStatus() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok.csv", exchange -> {
            byte[] body = "externalId,name\nx,y\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/broken.csv", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Path copy = SyncSource.fetch(base + "/ok.csv", dir, dir.resolve("spool"));
            assertEquals("externalId,name\nx,y\n", Files.readString(copy));
            IOException failed = assertThrows(IOException.class, () -> SyncSource.fetch(base + "/broken.csv", dir,
                    dir.resolve("spool")));
            assertTrue(failed.getMessage().contains("503"), failed.getMessage());
        } finally {
            server.stop(0);
        }
    }
}
