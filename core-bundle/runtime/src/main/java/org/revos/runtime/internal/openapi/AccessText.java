package org.revos.runtime.internal.openapi;

import org.revos.kernel.spi.rest.Access;

/** Says in words who may call an endpoint, as the access filter decides it. */
final class AccessText {

    private AccessText() {
    }

    static String of(Endpoint endpoint) {
        String who = switch (endpoint.access()) {
            case PUBLIC -> "No API key needed.";
            case AUTHENTICATED -> "Any valid API key, platform-admin or tenant, of any role.";
            case PLATFORM -> "Platform-admin keys only.";
            case TENANT -> endpoint.isRead() ? "Tenant keys of any role (ADMIN, MEMBER, READ_ONLY)."
                    : "Tenant keys with the ADMIN or MEMBER role.";
            case TENANT_ADMIN -> "Tenant keys with the ADMIN role only.";
        };
        if (endpoint.resource().plugin() != null) {
            who += " Provided by the plugin " + endpoint.resource().plugin()
                    + "; answers 404 to tenants that have disabled it.";
        }
        return who;
    }
}
