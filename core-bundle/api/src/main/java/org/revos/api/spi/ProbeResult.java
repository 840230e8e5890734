package org.revos.api.spi;

/**
 * The answer of an automatic checklist item.
 *
 * @param evidence        what the probe looked at, readable by an admin
 * @param complianceShare share of records that follow the process, in [0, 1]; {@code null} when not measured
 */
public record ProbeResult(boolean done, String evidence, Double complianceShare) {
}
