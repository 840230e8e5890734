package org.revos.osgitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
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

/**
 * The credit plugin arriving in a running runtime: with its bundle stopped no credit rule exists; once it starts,
 * a tenant configures the rule and sees green credit appear as deals are won over HTTP.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class CreditPluginIT {

    private static final String ADMIN_KEY = "rvs_osgi-integration-test-admin-key";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @InjectBundleContext
    BundleContext context;

    @Test
    void greenCreditAppearsOnceThePluginIsThere(
            @InjectService(timeout = 30_000) ServiceAware<HttpServiceRuntime> httpRuntime) throws Exception {
        String base = RestAndEventsIT.endpoint(httpRuntime.getServiceReference()) + "api/v1";
        RestAndEventsIT.awaitHealthy(http, base);
        Calls api = new Calls(base);
        Bundle plugin = Arrays.stream(context.getBundles())
                .filter(b -> "org.revos.credit.buckets".equals(b.getSymbolicName())).findFirst().orElse(null);
        assertNotNull(plugin, "the credit plugin is one of the runtime's bundles");
        plugin.stop();
        try {
            String tenant = api.call(ADMIN_KEY, "POST", "/admin/tenants", "{\"name\": \"Credit\"}", 201).get("id")
                    .asText();
            String admin = api.call(ADMIN_KEY, "POST", "/admin/tenants/" + tenant + "/api-keys",
                    "{\"name\": \"it\", \"role\": \"ADMIN\"}", 201).get("key").asText();
            String rule = "{\"effectiveFrom\": \"2020-01-01\", \"threshold\": 5000}";
            JsonNode refused = api.call(admin, "POST", "/credit/rules", rule, 400);
            assertEquals("rule", refused.get("errors").get(0).get("field").asText(), refused.toString());

            plugin.start();
            JsonNode version = api.call(admin, "POST", "/credit/rules", rule, 201);
            assertEquals("buckets", version.get("rule").asText());
            String rep = api.call(admin, "POST", "/users", "{\"name\": \"Ann\", \"role\": \"AE\"}", 201).get("id")
                    .asText();
            String account = api.call(admin, "POST", "/accounts", "{\"name\": \"Initech\", \"ownerId\": \"" + rep
                    + "\"}", 201).get("id").asText();
            win(api, admin, account, rep, 3000);
            assertEquals("ORANGE", api.call(admin, "GET", "/credit/accounts/" + account, null, 200).get("bucket")
                    .asText());
            win(api, admin, account, rep, 2500);
            JsonNode state = api.call(admin, "GET", "/credit/accounts/" + account, null, 200);
            assertEquals("GREEN", state.get("bucket").asText());
            assertEquals(0, state.get("greenTotal").decimalValue().compareTo(new java.math.BigDecimal("5500")));
            JsonNode ledger = api.call(admin, "GET", "/credit/ledger?period=" + java.time.Year.now(), null, 200);
            assertEquals(rep, ledger.get("totals").get(0).get("ownerId").asText());
            assertTrue(ledger.get("lines").size() == 2, ledger.toString());
        } finally {
            if (plugin.getState() != Bundle.ACTIVE) {
                plugin.start();
            }
        }
    }

    private static void win(Calls api, String key, String account, String owner, int arr) throws Exception {
        String deal = api.call(key, "POST", "/deals", "{\"accountId\": \"" + account + "\", \"ownerId\": \""
                + owner + "\", \"name\": \"D\", \"arr\": " + arr + ", \"stage\": \"NEGOTIATION\", \"properties\":"
                + " {\"stakeholders\": \"CFO\", \"timeline\": \"Q3\", \"budgetRange\": \"5-10k\"}}", 201).get("id")
                .asText();
        api.call(key, "POST", "/deals/" + deal + "/transitions", "{\"toStage\": \"CLOSED_WON\"}", 200);
    }
}
