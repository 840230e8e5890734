package org.revos.leads.rules.internal;

import java.util.Map;
import java.util.function.Function;

/**
 * The rules read from the last settings part a strategy was handed. The engine hands the same part (the same map) for
 * every sign-up of one request, so a batch of 500 reads its rules once instead of 500 times; a different map (another
 * tenant, another request) is read again. One slot, replaced whole, so concurrent callers never see a mix.
 */
final class LastRead<R> {

    private record Slot<R>(Map<String, Object> settings, R rules) {
    }

    private final Function<Map<String, Object>, R> read;
    private volatile Slot<R> last;

    LastRead(Function<Map<String, Object>, R> read) {
        this.read = read;
    }

    R of(Map<String, Object> settings) {
        Slot<R> slot = last;
        if (slot != null && slot.settings() == settings) {
            return slot.rules();
        }
        R rules = read.apply(settings);
        last = new Slot<>(settings, rules);
        return rules;
    }
}
