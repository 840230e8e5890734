package org.revos.runtime.internal.kpi;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A generated tenant: its time zone, the instant its history starts, the writes made to it in order, and the seed of
 * the sample of figures checked after each write.
 */
public record TenantScript(ZoneId zone, Instant start, List<Write> writes, long probeSeed) {
}
