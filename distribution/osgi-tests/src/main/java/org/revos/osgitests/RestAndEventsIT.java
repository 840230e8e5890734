package org.revos.osgitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.revos.api.event.RevosEvents;
import org.revos.api.model.Account;
import org.revos.api.query.RevosData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A write through REST is visible to plugins through {@link RevosData} and announced through Event Admin after it
 * committed, with its tenant.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class RestAndEventsIT {

    private static final String ADMIN_KEY = "rvs_osgi-integration-test-admin-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @InjectBundleContext
    BundleContext context;

    @Test
    void restWritesReachPluginsThroughTheQueryApiAndEvents(
            @InjectService(timeout = 30_000) ServiceAware<HttpServiceRuntime> httpRuntime,
            @InjectService(timeout = 30_000) RevosData data) throws Exception {
        String base = endpoint(httpRuntime.getServiceReference()) + "api/v1";
        awaitHealthy(http, base);

        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, RevosEvents.ALL);
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, events::add, props);
        try {
            String tenant = call(base, ADMIN_KEY, "POST", "/admin/tenants", "{\"name\": \"OSGi\"}", 201).get("id")
                    .asText();
            String key = call(base, ADMIN_KEY, "POST", "/admin/tenants/" + tenant + "/api-keys",
                    "{\"name\": \"it\", \"role\": \"MEMBER\"}", 201).get("key").asText();
            String account = call(base, key, "POST", "/accounts", "{\"name\": \"Initech\", \"segment\": \"SMB\"}", 201)
                    .get("id").asText();

            Account seen = data.forTenant(tenant).account(account).orElseThrow();
            assertEquals("Initech", seen.name());
            assertEquals("SMB", seen.segment());

            Event created = null;
            for (Event e = events.poll(10, TimeUnit.SECONDS); e != null; e = events.poll(10, TimeUnit.SECONDS)) {
                if (e.getTopic().equals(RevosEvents.OBJECT_CREATED) && account.equals(e.getProperty(RevosEvents.OBJECT_ID))) {
                    created = e;
                    break;
                }
            }
            assertNotNull(created, "OBJECT_CREATED was posted");
            assertEquals(tenant, created.getProperty(RevosEvents.TENANT));
            assertEquals("ACCOUNT", created.getProperty(RevosEvents.OBJECT_TYPE));
        } finally {
            handler.unregister();
        }
    }

    static String endpoint(ServiceReference<HttpServiceRuntime> ref) {
        Object endpoint = ref.getProperty("osgi.http.endpoint");
        String first = endpoint instanceof String[] array ? array[0]
                : endpoint instanceof java.util.Collection<?> c ? String.valueOf(c.iterator().next())
                        : String.valueOf(endpoint);
        return first.endsWith("/") ? first : first + "/";
    }

    static void awaitHealthy(HttpClient http, String base) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError(base + "/health never answered 200");
    }

    private JsonNode call(String base, String key, String method, String path, String body, int expected)
            throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }
}
