package org.revos.api.security;

/**
 * What an API key may do. Tenant keys are ADMIN, MEMBER or READ_ONLY; PLATFORM_ADMIN keys manage tenants and plugins
 * and see no tenant data.
 */
public enum ApiRole {
    PLATFORM_ADMIN, ADMIN, MEMBER, READ_ONLY;

    /** @return whether this role may change tenant data */
    public boolean canWrite() {
        return this == ADMIN || this == MEMBER;
    }
}
