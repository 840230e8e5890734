package org.revos.api.leads;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;
import org.revos.api.model.Tenant;

/** What a {@link LeadRouting} may know besides the lead. */
@ProviderType
public interface RoutingContext {

    Tenant tenant();

    /** @return the {@code routing} part of the tenant's intake settings */
    Map<String, Object> settings();

    /** @return the tenant's users, each with its capacity and load as of this lead */
    List<Rep> reps();
}
