package org.revos.bench.baseline;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;

/**
 * The baseline RevOS is measured against: the same request ({@code GET /api/v1/deals/{id}} with a bearer key) served
 * by plain Jetty 12 (ee10 servlet) + Jersey 3.1 + Jackson + JDBC on the same embedded Derby files, without OSGi, JPA
 * or anything else. Usage: {@code BaselineServer --db <derby folder> --port <port>}; it listens on 127.0.0.1.
 */
public final class BaselineServer {

    /** Connections kept open; more than Jetty will run requests on 2 cores at once. */
    private static final int CONNECTIONS = 16;

    private BaselineServer() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Path db = null;
        int port = -1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--db" -> db = Path.of(args[i + 1]).toAbsolutePath();
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        if (db == null || port < 0 || !Files.isDirectory(db)) {
            System.err.println("usage: BaselineServer --db <existing Derby database folder> --port <port>");
            System.exit(2);
        }
        System.setProperty("derby.stream.error.file", db.resolveSibling("derby-baseline.log").toString());
        ConnectionPool pool = new ConnectionPool(db.toString(), CONNECTIONS);
        Server server = server(pool, port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop();
            } catch (Exception e) {
                System.err.println("Jetty stop failed: " + e);
            }
            pool.close();
        }, "baseline-stop"));
        server.start();
        server.join();
    }

    static Server server(ConnectionPool pool, int port) {
        ResourceConfig api = new ResourceConfig()
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(pool).to(ConnectionPool.class);
                    }
                })
                .register(DealResource.class)
                .register(HealthResource.class)
                .register(new TenantFilter(new KeyCheck(pool)))
                .register(JacksonJsonProvider.class)
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new ServletContainer(api)), "/api/v1/*");
        Server server = new Server();
        ServerConnector http = new ServerConnector(server);
        http.setHost("127.0.0.1");
        http.setPort(port);
        server.addConnector(http);
        server.setHandler(context);
        return server;
    }
}
