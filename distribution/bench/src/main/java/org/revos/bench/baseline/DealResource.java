package org.revos.bench.baseline;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/v1/deals/{id}}: one tenant-scoped SELECT, rendered as RevOS renders a deal. Like RevOS's resources
 * it is created per request.
 */
@Path("deals")
@Produces(MediaType.APPLICATION_JSON)
public final class DealResource {

    private static final String SELECT = "SELECT " + DealJson.COLUMNS + " FROM DEALS WHERE ID = ? AND TENANT_ID = ?";

    private final ConnectionPool pool;

    @Inject
    public DealResource(ConnectionPool pool) {
        this.pool = pool;
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @Context ContainerRequestContext request)
            throws SQLException, IOException, InterruptedException {
        String tenant = (String) request.getProperty(TenantFilter.TENANT);
        try (ConnectionPool.Lease lease = pool.borrow();
                PreparedStatement select = lease.connection().prepareStatement(SELECT)) {
            select.setString(1, id);
            select.setString(2, tenant);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Response.status(404).entity(Map.of("status", 404, "title", "Not found")).build();
                }
                return Response.ok(DealJson.render(row)).build();
            }
        }
    }
}
