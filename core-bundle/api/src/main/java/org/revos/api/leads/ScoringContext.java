package org.revos.api.leads;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;
import org.revos.api.model.Tenant;

/** What a {@link LeadScoring} may know besides the sign-up. */
@ProviderType
public interface ScoringContext {

    Tenant tenant();

    /** @return the {@code scoring} part of the tenant's intake settings */
    Map<String, Object> settings();

    /** @return the instant the score is computed for: signals decay by their age at this instant */
    Instant now();

    /** @return the activities recorded on the lead (type {@code CALL}, {@code MEETING}, ...); empty at first intake */
    List<Signal> activities();
}
