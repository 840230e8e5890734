package org.revos.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Hot deploy: the time from a plugin jar arriving to the plugin's endpoint answering 200, by two routes.
 * <ul>
 * <li>drop: the jar is moved atomically into the deploy folder; removing it again must make the endpoint stop
 * answering 200 before the next round;</li>
 * <li>upload: {@code POST /api/v1/admin/plugins} with the jar as the body; the plugin is removed again by
 * {@code DELETE} of the answer's {@code Location}, or of {@code /api/v1/admin/plugins/{id}} with the answer's
 * {@code id}; when the answer names neither, one round is all that can be measured.</li>
 * </ul>
 */
public final class HotDeploy {

    /** The figures of both routes; a route that could not be measured has no samples and a note saying why. */
    public record Result(List<Double> dropMillis, List<Double> uploadMillis, List<String> notes) {
    }

    private static final long POLL_MILLIS = 5;
    private static final long TIMEOUT_MILLIS = 30_000;
    /** A pause after each removal, so the next round starts on a runtime that has finished the last one. */
    private static final long BETWEEN_ROUNDS_MILLIS = 500;

    private final Path pluginJar;
    private final String pluginPath;
    private final int rounds;
    private final String uploadContentType;

    public HotDeploy(Path pluginJar, String pluginPath, int rounds, String uploadContentType) {
        this.pluginJar = pluginJar;
        this.pluginPath = pluginPath;
        this.rounds = rounds;
        this.uploadContentType = uploadContentType;
    }

    /** Starts a runtime with a fresh data folder in {@code home} and measures both routes on it. */
    public Result measure(Launcher launcher, Path home) throws Exception {
        try (RunningServer server = launcher.runtime(home, List.of(), false)) {
            RestClient rest = new RestClient(server);
            String tenantKey = Seeder.tenantKey(rest, launcher.adminKey(), "Hot deploy tenant");
            return measure(rest, launcher.adminKey(), tenantKey, home.resolve("deploy"),
                    Files.createDirectories(home.resolve("staging")));
        }
    }

    /**
     * Measures both routes on a running server.
     *
     * @param staging a folder on the same file system as {@code deployDir}, so the move into it is atomic
     */
    Result measure(RestClient rest, String platformKey, String tenantKey, Path deployDir, Path staging)
            throws IOException, InterruptedException {
        List<Double> drops = new ArrayList<>();
        List<Double> uploads = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (status(rest, tenantKey) == 200) {
            notes.add(pluginPath + " answered 200 before any plugin was deployed; nothing to measure");
            return new Result(drops, uploads, notes);
        }
        drop(rest, tenantKey, deployDir, staging, drops, notes);
        upload(rest, tenantKey, platformKey, uploads, notes);
        return new Result(drops, uploads, notes);
    }

    private void drop(RestClient rest, String key, Path deployDir, Path staging, List<Double> samples,
            List<String> notes) throws IOException, InterruptedException {
        Path deployed = deployDir.resolve(pluginJar.getFileName());
        for (int i = 0; i < rounds; i++) {
            Path staged = Files.copy(pluginJar, staging.resolve(pluginJar.getFileName()),
                    StandardCopyOption.REPLACE_EXISTING);
            long t0 = System.nanoTime();
            Files.move(staged, deployed, StandardCopyOption.ATOMIC_MOVE);
            Optional<Double> millis = awaitStatus(rest, key, true, t0);
            if (millis.isEmpty()) {
                notes.add("drop: " + pluginPath + " did not answer 200 within " + TIMEOUT_MILLIS + " ms of round "
                        + (i + 1));
                Files.deleteIfExists(deployed);
                return;
            }
            samples.add(millis.get());
            Files.delete(deployed);
            if (awaitStatus(rest, key, false, System.nanoTime()).isEmpty()) {
                notes.add("drop: " + pluginPath + " still answered 200 " + TIMEOUT_MILLIS
                        + " ms after the jar was removed; stopped after " + samples.size() + " rounds");
                return;
            }
            Thread.sleep(BETWEEN_ROUNDS_MILLIS);
        }
    }

    private void upload(RestClient rest, String key, String platformKey, List<Double> samples, List<String> notes)
            throws IOException, InterruptedException {
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> answer = rest.send(platformKey, HttpRequest.newBuilder(rest.uri("/api/v1/admin/plugins"))
                    .header("Content-Type", uploadContentType)
                    .POST(HttpRequest.BodyPublishers.ofFile(pluginJar)));
            if (answer.statusCode() / 100 != 2) {
                notes.add("upload: POST /api/v1/admin/plugins answered " + answer.statusCode() + ": "
                        + abbreviate(answer.body()));
                return;
            }
            Optional<Double> millis = awaitStatus(rest, key, true, t0);
            if (millis.isEmpty()) {
                notes.add("upload: " + pluginPath + " did not answer 200 within " + TIMEOUT_MILLIS + " ms");
                return;
            }
            samples.add(millis.get());
            Optional<URI> plugin = pluginUri(rest, answer);
            if (plugin.isEmpty()) {
                notes.add("upload: the answer names no Location and no id to remove the plugin by; measured once");
                return;
            }
            HttpResponse<String> removed = rest.send(platformKey, HttpRequest.newBuilder(plugin.get()).DELETE());
            if (removed.statusCode() / 100 != 2 || awaitStatus(rest, key, false, System.nanoTime()).isEmpty()) {
                notes.add("upload: removing the plugin (DELETE " + plugin.get().getPath() + " answered "
                        + removed.statusCode() + ") did not stop " + pluginPath + " answering; stopped after "
                        + samples.size() + " rounds");
                return;
            }
            Thread.sleep(BETWEEN_ROUNDS_MILLIS);
        }
    }

    private static Optional<URI> pluginUri(RestClient rest, HttpResponse<String> answer) {
        Optional<String> location = answer.headers().firstValue("Location");
        if (location.isPresent()) {
            // Only the path is taken: the bench speaks to nothing but the server it started on 127.0.0.1.
            return Optional.of(rest.uri(URI.create(location.get()).getRawPath()));
        }
        try {
            JsonNode id = RestClient.JSON.readTree(answer.body()).path("id");
            return id.isTextual() ? Optional.of(rest.uri("/api/v1/admin/plugins/" + id.asText())) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /** @return milliseconds from {@code t0} until the endpoint answered 200 (or, with {@code up} false, anything else) */
    private Optional<Double> awaitStatus(RestClient rest, String key, boolean up, long t0)
            throws IOException, InterruptedException {
        long deadline = t0 + TIMEOUT_MILLIS * 1_000_000;
        while (System.nanoTime() < deadline) {
            if ((status(rest, key) == 200) == up) {
                return Optional.of((System.nanoTime() - t0) / 1e6);
            }
            Thread.sleep(POLL_MILLIS);
        }
        return Optional.empty();
    }

    /** @return the endpoint's status, or -1 when the connection failed (as it may while the server reloads) */
    private int status(RestClient rest, String key) throws InterruptedException {
        try {
            return rest.get(key, pluginPath).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
