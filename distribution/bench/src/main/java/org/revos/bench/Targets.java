package org.revos.bench;

/** The figures RevOS aims for. */
public final class Targets {

    public static final double START_MILLIS = 1000;
    public static final double HOT_DEPLOY_MILLIS = 250;
    public static final double THROUGHPUT_RATIO = 0.8;
    /** Idle RSS; the target's "200 MB" is read as MiB, the unit of VmRSS in /proc (its "kB" are KiB). */
    public static final double IDLE_RSS_MIB = 200;

    private Targets() {
    }
}
