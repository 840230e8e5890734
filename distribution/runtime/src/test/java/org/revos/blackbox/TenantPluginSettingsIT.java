package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Enabling, configuring and disabling the engines for one tenant (each a ConfigAdmin factory configuration named after
 * the plugin) changes nothing for another tenant: the engines are neither restarted nor duplicated, so the other
 * tenant's requests to their paths all answer while the settings change.
 */
@ExtendWith(RevosExtension.class)
class TenantPluginSettingsIT {

    private static final List<String> ENGINES = List.of("org.revos.adoption", "org.revos.credit",
            "org.revos.webhooks", "org.revos.enrichment");
    private static final List<String> PATHS = List.of("/adoption/initiatives", "/credit/rules",
            "/credit/near-threshold", "/webhooks");

    private final Revos revos;

    TenantPluginSettingsIT(Revos revos) {
        this.revos = revos;
    }

    @Test
    void anotherTenantsPluginSettingsNeverInterruptAnEngine() throws InterruptedException {
        Revos.Tenant steady = revos.newTenant("steady");
        Revos.Tenant changing = revos.newTenant("changing settings");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger requests = new AtomicInteger();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            Thread client = new Thread(() -> {
                for (int i = 0; running.get(); i++) {
                    String path = PATHS.get(i % PATHS.size());
                    Revos.Reply reply = revos.get(steady.readOnly(), path);
                    requests.incrementAndGet();
                    if (reply.status() != 200) {
                        failures.add(path + " -> " + reply.status() + " " + reply.raw().body());
                    }
                }
            });
            client.start();
            clients.add(client);
        }
        try {
            String admin = RevosProcess.ADMIN_KEY;
            for (int round = 0; round < 5; round++) {
                for (String engine : ENGINES) {
                    String settings = "/admin/tenants/" + changing.id() + "/plugins/" + engine;
                    revos.send(admin, "PUT", settings, Map.of("enabled", true, "config", Map.of()), Map.of())
                            .expect(200);
                    revos.send(admin, "PUT", settings, Map.of("enabled", false), Map.of()).expect(200);
                    revos.send(admin, "PUT", settings, Map.of("enabled", true), Map.of()).expect(200);
                }
            }
        } finally {
            running.set(false);
            for (Thread client : clients) {
                client.join();
            }
        }
        assertEquals(List.of(), failures.stream().limit(10).toList(), failures.size() + " of " + requests.get()
                + " requests failed while another tenant's plugin settings changed");
    }
}
