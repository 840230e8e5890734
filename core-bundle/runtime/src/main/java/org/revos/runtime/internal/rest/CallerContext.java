package org.revos.runtime.internal.rest;

import java.security.Principal;

import jakarta.ws.rs.core.SecurityContext;

import org.revos.api.security.Caller;

/** The security context of an authenticated request: its principal is the {@link Caller}. */
record CallerContext(Caller caller, boolean secure) implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
        return caller;
    }

    @Override
    public boolean isUserInRole(String role) {
        return caller.role().name().equals(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return "Bearer";
    }
}
