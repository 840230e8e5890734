package org.revos.testplugin;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Component;

/** Counts the hellos served to each tenant since this plugin started; the {@code hello_count} KPI reads it. */
@Component(service = HelloCounter.class)
public final class HelloCounter {

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    /** Counts one hello for {@code tenantId}. */
    public void count(String tenantId) {
        counts.computeIfAbsent(tenantId, t -> new AtomicLong()).incrementAndGet();
    }

    /** @return the hellos served to {@code tenantId} so far */
    public long of(String tenantId) {
        AtomicLong count = counts.get(tenantId);
        return count == null ? 0 : count.get();
    }
}
