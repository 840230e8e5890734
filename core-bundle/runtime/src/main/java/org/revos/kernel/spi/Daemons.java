package org.revos.kernel.spi;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Background threads of the runtime's engines: named for thread dumps, and daemons, so none holds the JVM up. */
public final class Daemons {

    private Daemons() {
    }

    /** @return a single-thread scheduler whose thread is called {@code name} */
    public static ScheduledExecutorService scheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
