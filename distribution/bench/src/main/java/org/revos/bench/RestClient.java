package org.revos.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON over HTTP/1.1 to one server on 127.0.0.1, for setting up data and polling (not for load). */
public final class RestClient {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** @param base the server's root, such as {@code http://127.0.0.1:8080} */
    public RestClient(URI base) {
        this.base = base;
    }

    public RestClient(RunningServer server) {
        this(server.uri(""));
    }

    /** @return the parsed body of a POST that must answer 201 */
    public JsonNode create(String key, String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(key, HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    public HttpResponse<String> get(String key, String path) throws IOException, InterruptedException {
        return send(key, HttpRequest.newBuilder(uri(path)).GET());
    }

    public HttpResponse<String> send(String key, HttpRequest.Builder request) throws IOException, InterruptedException {
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** @return the URI of {@code path} (which starts with /) on this server */
    public URI uri(String path) {
        return URI.create(base + path);
    }
}
