package org.revos.blackbox;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/** Polls an answer until it satisfies a condition; what the runtime does in the background shows up this way. */
final class Await {

    private Await() {
    }

    /** @return the first answer that satisfies {@code done}, or the last one read when {@code timeout} ran out */
    static JsonNode until(Supplier<JsonNode> read, Predicate<JsonNode> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = read.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = read.get();
        }
        return last;
    }
}
