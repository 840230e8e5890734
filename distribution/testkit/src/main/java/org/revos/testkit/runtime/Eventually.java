package org.revos.testkit.runtime;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for what the runtime does after answering (recompute jobs, event handlers, deploy-folder changes): asks
 * again every 100 ms until the answer is as expected or the time is up.
 */
public final class Eventually {

    private Eventually() {
    }

    /**
     * @return the first answer of {@code ask} that {@code expected} accepts
     * @throws AssertionError with the last answer when none did within {@code timeout}
     */
    public static <T> T until(Supplier<T> ask, Predicate<T> expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = ask.get();
        while (!expected.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Still not as expected after " + timeout + ": " + last);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting", e);
            }
            last = ask.get();
        }
        return last;
    }
}
