package org.revos.osgitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The funnel KPI plugin removed from the running framework (the admin API refuses to remove a bundle that came with
 * the runtime, so the test uninstalls it directly) and installed again through the admin API: its KPIs disappear
 * with it and appear again once it is installed, for the tenants that have it enabled only.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class KpiPluginIT {

    private static final String ADMIN_KEY = "rvs_osgi-integration-test-admin-key";
    private static final String FUNNEL = "org.revos.kpi.funnel";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @InjectBundleContext
    BundleContext context;

    @Test
    void funnelKpisAppearForTheEnabledTenantOnceThePluginIsInstalled(
            @InjectService(timeout = 30_000) ServiceAware<HttpServiceRuntime> httpRuntime) throws Exception {
        String base = RestAndEventsIT.endpoint(httpRuntime.getServiceReference()) + "api/v1";
        RestAndEventsIT.awaitHealthy(http, base);
        String enabled = tenantKey(base, "kpi-on");
        String[] disabled = tenant(base, "kpi-off");
        call(base, ADMIN_KEY, "PUT", "/admin/tenants/" + disabled[0] + "/plugins/" + FUNNEL, "{\"enabled\": false}",
                "application/json", 200);

        Bundle shipped = Arrays.stream(context.getBundles()).filter(b -> b.getSymbolicName().equals(FUNNEL))
                .findFirst().orElse(null);
        assertNotNull(shipped, "the runtime ships the funnel plugin");
        byte[] jar = Files.readAllBytes(Arrays.stream(context.getProperty("revos.shipped").split(","))
                .map(String::trim).filter(p -> p.contains(FUNNEL)).map(Path::of).findFirst().orElseThrow());
        shipped.uninstall();
        assertFalse(kpis(base, enabled).contains("\"win_rate\""), "gone with its plugin");

        call(base, ADMIN_KEY, "POST", "/admin/plugins", jar, "application/java-archive", 201);
        String on = awaitKpi(base, enabled, "win_rate");
        assertTrue(on.contains("\"stage_volume\"") && on.contains("\"conversion\""), on);
        String off = kpis(base, disabled[1]);
        assertFalse(off.contains("\"win_rate\""), "disabled for this tenant: " + off);
        assertTrue(off.contains("\"nrr\""), "the revenue plugin still answers there: " + off);
        JsonNode rate = call(base, enabled, "GET", "/kpis/win_rate?period=2026-Q1", null, null, 200);
        assertTrue(rate.get("value").isNull(), "nothing closed: " + rate);
        call(base, disabled[1], "GET", "/kpis/win_rate?period=2026-Q1", null, null, 404);
    }

    private String awaitKpi(String base, String key, String id) throws Exception {
        String list = "";
        for (int i = 0; i < 200 && !list.contains("\"" + id + "\""); i++) {
            list = kpis(base, key);
            if (!list.contains("\"" + id + "\"")) {
                Thread.sleep(50);
            }
        }
        assertTrue(list.contains("\"" + id + "\""), list);
        return list;
    }

    private String kpis(String base, String key) throws Exception {
        return call(base, key, "GET", "/kpis", null, null, 200).get("items").toString();
    }

    private String tenantKey(String base, String name) throws Exception {
        return tenant(base, name)[1];
    }

    /** @return the new tenant's id and a READ_ONLY key */
    private String[] tenant(String base, String name) throws Exception {
        String id = call(base, ADMIN_KEY, "POST", "/admin/tenants", "{\"name\": \"" + name + "\"}",
                "application/json", 201).get("id").asText();
        String key = call(base, ADMIN_KEY, "POST", "/admin/tenants/" + id + "/api-keys",
                "{\"name\": \"it\", \"role\": \"READ_ONLY\"}", "application/json", 201).get("key").asText();
        return new String[] { id, key };
    }

    private JsonNode call(String base, String key, String method, String path, Object body, String type,
            int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", type).method(method, body instanceof byte[] bytes
                    ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                    : HttpRequest.BodyPublishers.ofString((String) body));
        }
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, r.statusCode(), method + " " + path + ": " + r.body());
        return r.body().isBlank() ? null : JSON.readTree(r.body());
    }
}
