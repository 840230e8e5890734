package org.revos.runtime.internal.boot;

/**
 * Ends a start that cannot succeed with a message on standard error and exit status 1, instead of a runtime that
 * looks started and answers nothing (a taken port) or refuses every request (an unusable admin key).
 */
final class StartRefusal {

    private StartRefusal() {
    }

    /**
     * Prints {@code message} and exits from another thread: {@code System.exit} stops the framework, which would wait
     * for the activation or bundle start that calls this.
     *
     * @return an exception for the caller to throw, so that what it was starting does not start
     */
    static IllegalStateException exit(String message) {
        System.err.println(message);
        System.err.flush();
        Thread exit = new Thread(() -> System.exit(1), "revos-exit");
        exit.start();
        return new IllegalStateException(message);
    }
}
