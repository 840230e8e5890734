package org.revos.api.leads;

import org.osgi.annotation.versioning.ProviderType;

/** A sign-up that passed the filters, with its score. */
@ProviderType
public interface ScoredLead {

    SignUp signUp();

    /** @return the combined score, 0–100, by the tenant's weights */
    int score();

    /** @return the score's parts and explanation */
    ScoreCard card();
}
