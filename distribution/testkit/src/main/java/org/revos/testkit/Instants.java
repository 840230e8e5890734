package org.revos.testkit;

import java.time.Instant;

/** Dates as tests write them: {@code 2026-01-05} (midnight UTC) or a full ISO instant. */
public final class Instants {

    private Instants() {
    }

    /**
     * @param text {@code yyyy-MM-dd} for midnight UTC of that day, or an ISO-8601 instant such as
     *             {@code 2026-01-05T10:00:00Z}
     */
    public static Instant at(String text) {
        return Instant.parse(text.length() == 10 ? text + "T00:00:00Z" : text);
    }
}
