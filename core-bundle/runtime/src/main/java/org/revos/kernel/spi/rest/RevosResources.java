package org.revos.kernel.spi.rest;

/** Constants an engine's REST resources need. */
public final class RevosResources {

    /** The name of the RevOS Jakarta REST application every resource joins. */
    public static final String APPLICATION = "revos";

    /** The application filter for {@code @JakartarsApplicationSelect}: the resource is served under {@code /api/v1}. */
    public static final String APPLICATION_SELECT = "(osgi.jakartars.name=" + APPLICATION + ")";

    private RevosResources() {
    }
}
