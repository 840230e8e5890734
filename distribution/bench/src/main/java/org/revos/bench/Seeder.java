package org.revos.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Creates, through the REST API, the tenant, key, account and deals that the load then reads. */
public final class Seeder {

    /** A tenant's ADMIN key and the ids of the deals created for it. */
    public record Seeded(String tenantKey, List<String> dealIds) {
    }

    private static final int WRITERS = 4;

    private Seeder() {
    }

    /** @return a new tenant's ADMIN key (also used to poll plugin endpoints) */
    public static String tenantKey(RestClient rest, String platformKey, String name)
            throws IOException, InterruptedException {
        String tenant = rest.create(platformKey, "/api/v1/admin/tenants", Map.of("name", name)).get("id").asText();
        return rest.create(platformKey, "/api/v1/admin/tenants/" + tenant + "/api-keys",
                Map.of("name", "bench", "role", "ADMIN")).get("key").asText();
    }

    /** Creates a tenant with one account and {@code count} deals, written by four concurrent clients. */
    public static Seeded seed(RestClient rest, String platformKey, int count) throws Exception {
        String key = tenantKey(rest, platformKey, "Bench tenant");
        String account = rest.create(key, "/api/v1/accounts", Map.of("name", "Bench account")).get("id").asText();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Map<String, Object> deal = deal(account, i);
                created.add(writers.submit(() -> rest.create(key, "/api/v1/deals", deal).get("id").asText()));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> id : created) {
                ids.add(id.get());
            }
            return new Seeded(key, Collections.unmodifiableList(ids));
        } finally {
            writers.shutdownNow();
        }
    }

    /** A deal whose row fills most columns, so reading it renders numbers, dates and custom properties. */
    static Map<String, Object> deal(String accountId, int i) {
        Map<String, Object> deal = new LinkedHashMap<>();
        deal.put("accountId", accountId);
        deal.put("name", "Bench deal " + i);
        deal.put("arr", new BigDecimal("1200.50").add(BigDecimal.valueOf(i)));
        if (i % 2 == 0) {
            deal.put("seats", 10 + i % 90);
            deal.put("closeDate", "2026-12-" + String.format("%02d", 1 + i % 28));
        }
        deal.put("properties", Map.of("region", i % 3 == 0 ? "EMEA" : "AMER", "priority", i % 5));
        return deal;
    }
}
