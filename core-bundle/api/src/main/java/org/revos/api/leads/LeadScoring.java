package org.revos.api.leads;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Scores a sign-up that passed the filters: a fit part (firmographics) and an engagement part (usage signals,
 * activities, growth), each 0–100, with the rules that added each point. The engine combines the parts with the
 * tenant's weights (50/50 by default) into the lead's score. The engine uses the scoring of the highest-ranked
 * plugin the tenant has enabled.
 */
@ConsumerType
public interface LeadScoring {

    ScoreCard score(SignUp signUp, ScoringContext context);

    /**
     * Checks the scoring's part of a tenant's intake settings ({@code scoring}).
     *
     * @return per field (a JSON path inside the part), what is wrong with it; empty when valid
     */
    default Map<String, String> validate(Map<String, Object> settings) {
        return Map.of();
    }
}
