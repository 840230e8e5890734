package org.revos.api.model;

/** Phases of the revenue bow tie, left to right; the right side (from ONBOARDING) is where recurring revenue lives. */
public enum BowTiePhase {
    AWARENESS, EDUCATION, SELECTION, COMMIT, ONBOARDING, IMPACT, EXPANSION
}
