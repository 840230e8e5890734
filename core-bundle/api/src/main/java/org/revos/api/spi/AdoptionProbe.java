package org.revos.api.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Checks one CREDIT tactic of an initiative against the tenant's real configuration and data. A plugin contributes
 * probes for its own features; each appears in the checklists of the tenants that have the plugin enabled.
 */
@ConsumerType
public interface AdoptionProbe {

    /** @return an id unique among the plugin's probes */
    String id();

    AdoptionTactic tactic();

    /** @return what the probe checks, as the checklist shows it (for example "the stage model requires it") */
    String label();

    /**
     * @return whether the probe says anything about this initiative (a probe of required properties has nothing
     *         to say about a KPI initiative); the checklist leaves out probes that do not apply
     */
    default boolean appliesTo(Initiative initiative) {
        return true;
    }

    /** @return done or not, with the evidence the answer rests on; never {@code null} */
    ProbeResult check(ProbeContext context);
}
