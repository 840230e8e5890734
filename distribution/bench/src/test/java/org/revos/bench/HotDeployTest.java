package org.revos.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The hot-deploy measurement against a stand-in for the runtime: a loopback server that looks at its deploy folder
 * every 100 ms, serves the plugin endpoint while a jar lies there or one was uploaded, and removes an upload on
 * DELETE of the Location it answered.
 */
class HotDeployTest {

    private static final long WATCH_MILLIS = 100;

    @TempDir
    Path dir;

    private HttpServer server;
    private ScheduledExecutorService watcher;
    private volatile boolean dropped;
    private volatile boolean uploaded;
    private volatile boolean answerLocation = true;
    private Path deploy;
    private Path plugin;

    @BeforeEach
    void start() throws IOException {
        deploy = Files.createDirectories(dir.resolve("deploy"));
        plugin = Files.write(dir.resolve("hello.jar"), new byte[] { 'P', 'K', 3, 4 });
        watcher = Executors.newSingleThreadScheduledExecutor();
        watcher.scheduleAtFixedRate(() -> dropped = Files.exists(deploy.resolve("hello.jar")), 0, WATCH_MILLIS,
                TimeUnit.MILLISECONDS);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/hello", x -> answer(x, dropped || uploaded ? 200 : 404, null));
        server.createContext("/api/v1/admin/plugins", x -> {
            x.getRequestBody().readAllBytes();
            if (x.getRequestMethod().equals("POST")) {
                uploaded = true;
                answer(x, 201, answerLocation ? "/api/v1/admin/plugins/hello" : null);
            } else if (x.getRequestMethod().equals("DELETE")
                    && x.getRequestURI().getPath().equals("/api/v1/admin/plugins/hello")) {
                uploaded = false;
                answer(x, 204, null);
            } else {
                answer(x, 405, null);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        watcher.shutdownNow();
    }

    @Test
    void measuresEveryRoundOfBothRoutes() throws Exception {
        HotDeploy.Result result = measure(4);
        assertEquals(List.of(), result.notes());
        assertEquals(4, result.dropMillis().size());
        assertEquals(4, result.uploadMillis().size());
        // A drop waits for the watcher's next look; an upload answers at once.
        result.dropMillis().forEach(ms -> assertTrue(ms >= 0 && ms < WATCH_MILLIS + 1_000, "drop took " + ms));
        result.uploadMillis().forEach(ms -> assertTrue(ms < 1_000, "upload took " + ms));
        assertTrue(Files.list(deploy).findAny().isEmpty(), "every dropped jar was removed again");
    }

    @Test
    void measuresOneUploadWhenTheAnswerSaysNotHowToRemoveIt() throws Exception {
        answerLocation = false;
        HotDeploy.Result result = measure(3);
        assertEquals(3, result.dropMillis().size());
        assertEquals(1, result.uploadMillis().size());
        assertEquals(1, result.notes().size());
        assertTrue(result.notes().get(0).contains("measured once"), result.notes().get(0));
    }

    @Test
    void measuresNothingWhenTheEndpointAnswersBeforeAnyDeploy() throws Exception {
        uploaded = true;
        HotDeploy.Result result = measure(3);
        assertTrue(result.dropMillis().isEmpty() && result.uploadMillis().isEmpty());
        assertTrue(result.notes().get(0).contains("before any plugin was deployed"), result.notes().get(0));
    }

    private HotDeploy.Result measure(int rounds) throws Exception {
        RestClient rest = new RestClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
        return new HotDeploy(plugin, "/api/v1/hello", rounds, "application/java-archive")
                .measure(rest, "rvs_platform-key-0000000000", "rvs_tenant-key-00000000000", deploy,
                        Files.createDirectories(dir.resolve("staging")));
    }

    private static void answer(HttpExchange exchange, int status, String location) throws IOException {
        if (location != null) {
            exchange.getResponseHeaders().add("Location", location);
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }
}
