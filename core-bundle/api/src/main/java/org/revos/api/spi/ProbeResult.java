package org.revos.api.spi;

/**
 * The answer of an automatic checklist item.
 *
 * @param evidence        what the probe looked at, readable by an admin
 * @param complianceShare share of records that follow the process, in [0, 1]; {@code null} when not measured or
 *                        when there were no records to measure
 * @param missing         what must happen for the probe to be done; {@code null} when it is done
 */
public record ProbeResult(boolean done, String evidence, Double complianceShare, String missing) {

    public static ProbeResult done(String evidence) {
        return new ProbeResult(true, evidence, null, null);
    }

    public static ProbeResult missing(String evidence, String missing) {
        return new ProbeResult(false, evidence, null, missing);
    }
}
