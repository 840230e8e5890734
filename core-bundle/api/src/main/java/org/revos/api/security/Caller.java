package org.revos.api.security;

import java.security.Principal;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The authenticated caller of a request. In a Jakarta REST resource of a plugin:
 * {@code Caller caller = (Caller) securityContext.getUserPrincipal();}
 */
@ProviderType
public interface Caller extends Principal {

    /** @return the id of the API key that authenticated the request */
    String keyId();

    /** @return the tenant the key belongs to; {@code null} for a platform-admin key */
    String tenantId();

    ApiRole role();
}
