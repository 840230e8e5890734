package org.revos.bench.baseline;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Runs after matching, like RevOS's access filter: requests to tenant resources need a tenant's bearer key, whose
 * tenant id it hands the resource as the request property {@link #TENANT}.
 */
@Priority(Priorities.AUTHENTICATION)
public final class TenantFilter implements ContainerRequestFilter {

    public static final String TENANT = "revos.bench.tenant";

    private final KeyCheck keys;

    public TenantFilter(KeyCheck keys) {
        this.keys = keys;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        var matched = request.getUriInfo().getMatchedResources();
        if (matched.isEmpty() || matched.get(0) instanceof HealthResource) {
            return;
        }
        Optional<String> tenant;
        try {
            tenant = keys.tenantOf(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        } catch (SQLException e) {
            throw new IllegalStateException("Key lookup failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (tenant.isEmpty()) {
            request.abortWith(Response.status(401).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("status", 401, "title", "Unauthorized")).build());
            return;
        }
        request.setProperty(TENANT, tenant.get());
    }
}
