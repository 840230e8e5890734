package org.revos.api.leads;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;
import org.revos.api.model.Tenant;

/** What a {@link LeadFilter} may know besides the sign-up: the tenant's settings and what the tenant already has. */
@ProviderType
public interface FilterContext {

    Tenant tenant();

    /** @return the {@code filters} part of the tenant's intake settings, as JSON-ready values */
    Map<String, Object> settings();

    /** @return whether the domain is a free mail provider's by the tenant's settings ({@code gmail.com}) */
    boolean freeMailDomain(String domain);

    /** @return whether an account of the tenant with that domain has recurring revenue (a customer already) */
    boolean existingCustomer(String domain);

    /** @return whether intake has seen a sign-up with that e-mail before */
    boolean knownEmail(String email);

    /** @return whether intake has seen a sign-up from that company domain before (free mail domains excluded) */
    boolean knownDomain(String domain);

    /**
     * @return the first lead, else the first contact, of the tenant with that e-mail (case-insensitive), however it
     *         was made (by hand, an import, a sync or intake); empty for none. Since 1.1.
     */
    default java.util.Optional<ExistingObject> existingEmail(String email) {
        return java.util.Optional.empty();
    }

    /**
     * @return the first account of the tenant with that company domain, else the first lead, else the first contact
     *         whose e-mail is at that domain, however it was made; always empty for a free mail domain. Since 1.1.
     */
    default java.util.Optional<ExistingObject> existingDomain(String domain) {
        return java.util.Optional.empty();
    }
}
