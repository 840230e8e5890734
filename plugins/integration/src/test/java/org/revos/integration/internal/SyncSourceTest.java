package org.revos.integration.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revos.runtime.internal.confine.TenantFolders;
import org.revos.runtime.internal.net.AddressBlock;
import org.revos.runtime.internal.net.OutboundUrls;

import com.sun.net.httpserver.HttpServer;

class SyncSourceTest {

    private static final String CSV = "externalId,name\nx,y\n";

    @TempDir
    Path dir;

    private HttpServer server;
    private String base;
    private final AtomicInteger loopHits = new AtomicInteger();
    private TenantFolders folders;
    private SyncSource allowingLoopback;

    @BeforeEach
    void setUp() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/ok.csv", exchange -> {
            byte[] body = CSV.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/broken.csv", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.createContext("/moved.csv", exchange -> {
            exchange.getResponseHeaders().add("Location", "/ok.csv");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/to-elsewhere.csv", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.2:" + server.getAddress().getPort()
                    + "/ok.csv");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        server.createContext("/loop.csv", exchange -> {
            loopHits.incrementAndGet();
            exchange.getResponseHeaders().add("Location", "/loop.csv");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        server.start();
        folders = new TenantFolders(dir.resolve("tenants"));
        allowingLoopback = new SyncSource(folders, OutboundUrls.allowing(List.of(AddressBlock.parse("127.0.0.1"))),
                dir.resolve("spool"));
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    @Test
    void readsAFileOfTheTenantsFolderIntoASpoolCopy() throws IOException {
        Files.writeString(folders.folder("ten_a").resolve("accounts.csv"), CSV);
        Path copy = allowingLoopback.fetch("ten_a", "accounts.csv");
        assertEquals(CSV, Files.readString(copy));
        assertTrue(copy.startsWith(dir.resolve("spool")));
        IOException missing = assertThrows(IOException.class, () -> allowingLoopback.fetch("ten_a", "gone.csv"));
        assertTrue(missing.getMessage().contains("gone.csv") && !missing.getMessage().contains(dir.toString()),
                "names the file as the tenant named it, never the server's path: " + missing.getMessage());
        assertEquals(1, Files.list(dir.resolve("spool")).count(), "a failed fetch leaves no spool file");
    }

    @Test
    void anotherTenantsFileIsNotThere() throws IOException {
        Files.writeString(folders.folder("ten_b").resolve("accounts.csv"), CSV);
        assertThrows(IOException.class, () -> allowingLoopback.fetch("ten_a", "accounts.csv"));
    }

    @Test
    void aLocationOutsideTheTenantsFolderFailsTheRunAndReadsNothing() throws IOException {
        Path outside = Files.writeString(dir.resolve("outside.csv"), CSV);
        for (String location : List.of(outside.toString(), "../../../outside.csv", "%2e%2e/outside.csv")) {
            IOException refused = assertThrows(IOException.class, () -> allowingLoopback.fetch("ten_a", location));
            assertTrue(refused.getMessage().contains("refused"), refused.getMessage());
            IOException target = assertThrows(IOException.class, () -> allowingLoopback.target("ten_a", location));
            assertTrue(target.getMessage().contains("nothing was read or written"), target.getMessage());
        }
        Files.createSymbolicLink(folders.folder("ten_a").resolve("link.csv"), outside);
        assertThrows(IOException.class, () -> allowingLoopback.fetch("ten_a", "link.csv"));
        assertThrows(IOException.class, () -> allowingLoopback.target("ten_a", "link.csv"));
    }

    @Test
    void configurationTimeRefusalsNameTheReason() {
        assertEquals(Optional.empty(), allowingLoopback.refusal("ten_a", "erp/accounts.csv"));
        assertEquals(Optional.empty(), allowingLoopback.refusal("ten_a", base + "/ok.csv"));
        assertTrue(allowingLoopback.refusal("ten_a", "/etc/passwd").orElseThrow().contains("absolute"));
        assertTrue(allowingLoopback.refusal("ten_a", "http://10.0.0.1/x.csv").orElseThrow().contains("private"));
        assertTrue(allowingLoopback.refusal("ten_a", "http://bad host/x").orElseThrow().contains("not a valid URL"));
    }

    @Test
    void readsAnHttpSourceFollowsSafeRedirectsAndRefusesAnErrorStatus() throws IOException {
        assertEquals(CSV, Files.readString(allowingLoopback.fetch("ten_a", base + "/ok.csv")));
        assertEquals(CSV, Files.readString(allowingLoopback.fetch("ten_a", base + "/moved.csv")));
        IOException failed = assertThrows(IOException.class, () -> allowingLoopback.fetch("ten_a", base
                + "/broken.csv"));
        assertTrue(failed.getMessage().contains("503"), failed.getMessage());
        IOException loop = assertThrows(IOException.class, () -> allowingLoopback.fetch("ten_a", base
                + "/loop.csv"));
        assertTrue(loop.getMessage().contains("redirected more than"), loop.getMessage());
        assertEquals(6, loopHits.get(), "the first call and five redirects, then it stops");
    }

    @Test
    void aRedirectToARefusedAddressIsNotFollowed() {
        IOException refused = assertThrows(IOException.class, () -> allowingLoopback.fetch("ten_a", base
                + "/to-elsewhere.csv"));
        assertTrue(refused.getMessage().contains("127.0.0.2") && refused.getMessage().contains("loopback"),
                refused.getMessage());
    }

    @Test
    void withoutTheAdminsAllowanceLoopbackIsNeverCalled() {
        SyncSource strict = new SyncSource(folders, OutboundUrls.allowing(List.of()), dir.resolve("spool"));
        IOException refused = assertThrows(IOException.class, () -> strict.fetch("ten_a", base + "/ok.csv"));
        assertTrue(refused.getMessage().contains("was not called"), refused.getMessage());
        assertTrue(strict.refusal("ten_a", base + "/ok.csv").isPresent());
    }
}
