package org.revos.runtime.internal.rest;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.revos.api.security.ApiRole;
import org.revos.api.security.Caller;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.rest.Access;
import org.revos.runtime.internal.plugins.TenantPlugins;
import org.revos.runtime.internal.security.ApiKeys;

/**
 * Authenticates every request by its bearer key and decides whether the key may call the matched resource. Resources
 * of a plugin that is disabled for the caller's tenant answer 404, as if the plugin were not installed.
 * <p>
 * Runs after matching so it can read the resource's {@link Access}; it reads the matched resource through the
 * standard {@code UriInfo} and holds no injected proxies, so it survives the REST container's reloads.
 */
@Priority(Priorities.AUTHENTICATION)
public final class AccessFilter implements ContainerRequestFilter {

    /** The manifest header that marks a bundle as a RevOS plugin. */
    public static final String PLUGIN_HEADER = "RevOS-Plugin";

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final ClassValue<Optional<String>> PLUGIN_OF = new ClassValue<>() {
        @Override
        protected Optional<String> computeValue(Class<?> type) {
            Bundle bundle = FrameworkUtil.getBundle(type);
            if (bundle == null || bundle.getHeaders().get(PLUGIN_HEADER) == null) {
                return Optional.empty();
            }
            return Optional.of(bundle.getSymbolicName());
        }
    };

    private final ApiKeys keys;
    private final TenantPlugins plugins;

    public AccessFilter(ApiKeys keys, TenantPlugins plugins) {
        this.keys = keys;
        this.plugins = plugins;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        List<Object> matched = request.getUriInfo().getMatchedResources();
        if (matched.isEmpty()) {
            return;
        }
        Class<?> resource = matched.get(0).getClass();
        Access access = resource.getAnnotation(Access.class);
        Access.Level level = access == null ? Access.Level.TENANT : access.value();
        if (level == Access.Level.PUBLIC) {
            return;
        }
        try {
            Caller caller = authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
            authorize(caller, level, request.getMethod());
            Optional<String> plugin = PLUGIN_OF.get(resource);
            if (plugin.isPresent() && !plugins.isEnabled(caller.tenantId(), plugin.get())) {
                throw new Problem(404, "not-found", "Not found", "No such resource", List.of());
            }
            request.setSecurityContext(new CallerContext(caller, request.getSecurityContext().isSecure()));
        } catch (Problem problem) {
            request.abortWith(ProblemResponses.of(problem));
        }
    }

    private Caller authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw Problem.unauthorized("Send an API key: Authorization: Bearer <key>");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw Problem.unauthorized("Use the Bearer scheme: Authorization: Bearer <key>");
        }
        return keys.authenticate(authorization.substring(7).trim())
                .orElseThrow(() -> Problem.unauthorized("The API key is unknown or revoked"));
    }

    private static void authorize(Caller caller, Access.Level level, String method) {
        ApiRole role = caller.role();
        switch (level) {
            case AUTHENTICATED -> {
                // A valid key is all it takes.
            }
            case PLATFORM -> {
                if (role != ApiRole.PLATFORM_ADMIN) {
                    throw Problem.forbidden("This is a platform-admin operation; tenant keys cannot call it");
                }
            }
            case TENANT, TENANT_ADMIN -> {
                if (caller.tenantId() == null) {
                    throw Problem.forbidden("Platform-admin keys see no tenant data; use a key of the tenant");
                }
                if (level == Access.Level.TENANT_ADMIN && role != ApiRole.ADMIN) {
                    throw Problem.forbidden("Only the tenant's ADMIN keys may call this; this key is " + role);
                }
                if (!READS.contains(method) && !role.canWrite()) {
                    throw Problem.forbidden("A " + role + " key may only read");
                }
            }
            default -> throw new IllegalStateException("Unhandled access level " + level);
        }
    }
}
