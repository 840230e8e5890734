package org.revos.bench.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The baseline server on an in-memory Derby database laid out as RevOS lays out its tables: it must answer as RevOS
 * does for the one request the bench sends, and refuse what RevOS refuses.
 */
class BaselineServerTest {

    private static final String DB = "memory:baseline-test";
    private static final String KEY = "rvs_test-key-of-tenant-one-0123456789";
    private static final String OTHER_KEY = "rvs_test-key-of-tenant-two-0123456789";

    private static ConnectionPool pool;
    private static Server server;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + DB + ";create=true");
                Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE API_KEYS (ID VARCHAR(40) PRIMARY KEY, TENANTID VARCHAR(40), NAME VARCHAR(200),"
                    + " ROLE VARCHAR(20), SECRETHASH VARCHAR(64), PREFIX VARCHAR(16), CREATEDAT BIGINT, REVOKEDAT BIGINT)");
            s.executeUpdate("CREATE TABLE DEALS (ID VARCHAR(40) PRIMARY KEY, TENANT_ID VARCHAR(40), EXTERNALID VARCHAR(200),"
                    + " CREATEDAT BIGINT, UPDATEDAT BIGINT, VERSION BIGINT, ACCOUNTID VARCHAR(40), OWNERID VARCHAR(40),"
                    + " NAME VARCHAR(200), TYPE VARCHAR(20), ARRCENTS BIGINT, SEATS INTEGER, PIPELINE VARCHAR(100),"
                    + " STAGE VARCHAR(100), CLOSEDATE DATE, LOSSREASON VARCHAR(100), PROPERTIES VARCHAR(32000))");
            s.executeUpdate("INSERT INTO API_KEYS VALUES ('key_1', 'ten_1', 'k', 'ADMIN', '" + KeyCheck.sha256(KEY)
                    + "', 'rvs_test-k', 0, NULL)");
            s.executeUpdate("INSERT INTO API_KEYS VALUES ('key_2', 'ten_2', 'k', 'ADMIN', '" + KeyCheck.sha256(OTHER_KEY)
                    + "', 'rvs_test-k', 0, NULL)");
            s.executeUpdate("INSERT INTO DEALS VALUES ('deal_1', 'ten_1', NULL, 1767225600000, 1767225600123, 1,"
                    + " 'acc_1', NULL, 'Big deal', 'NEW_BUSINESS', 120050, 25, 'default', 'Qualify', '2026-12-31',"
                    + " NULL, '{\"region\":\"EMEA\",\"priority\":3}')");
        }
        pool = new ConnectionPool(DB, 2);
        server = BaselineServer.server(pool, 0);
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        pool.close();
    }

    @Test
    void rendersTheDealAsRevosDoes() throws Exception {
        HttpResponse<String> answer = get("/api/v1/deals/deal_1", KEY);
        assertEquals(200, answer.statusCode());
        assertEquals("{\"id\":\"deal_1\",\"externalId\":null,\"accountId\":\"acc_1\",\"ownerId\":null,"
                + "\"name\":\"Big deal\",\"type\":\"NEW_BUSINESS\",\"arr\":1200.50,\"seats\":25,"
                + "\"pipeline\":\"default\",\"stage\":\"Qualify\",\"closeDate\":\"2026-12-31\",\"lossReason\":null,"
                + "\"properties\":{\"region\":\"EMEA\",\"priority\":3},\"createdAt\":\"2026-01-01T00:00:00Z\","
                + "\"updatedAt\":\"2026-01-01T00:00:00.123Z\"}", answer.body());
    }

    @Test
    void seesOnlyTheKeysTenant() throws Exception {
        assertEquals(404, get("/api/v1/deals/deal_1", OTHER_KEY).statusCode());
        assertEquals(404, get("/api/v1/deals/deal_404", KEY).statusCode());
    }

    @Test
    void refusesMissingAndUnknownKeys() throws Exception {
        assertEquals(401, get("/api/v1/deals/deal_1", null).statusCode());
        assertEquals(401, get("/api/v1/deals/deal_1", "rvs_not-a-key-anyone-was-given-000").statusCode());
    }

    @Test
    void answersHealthWithoutAKey() throws Exception {
        HttpResponse<String> answer = get("/api/v1/health", null);
        assertEquals(200, answer.statusCode());
        assertEquals("{\"status\":\"UP\"}", answer.body());
    }

    private static HttpResponse<String> get(String path, String key) throws Exception {
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
