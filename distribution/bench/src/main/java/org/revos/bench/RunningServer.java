package org.revos.bench;

import java.net.URI;

/** A started server process and the loopback port it serves on. */
public record RunningServer(ServerProcess process, int port) implements AutoCloseable {

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
